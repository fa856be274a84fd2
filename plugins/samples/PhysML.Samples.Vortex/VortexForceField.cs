using PhysML.Core.Ecs;
using PhysML.Fields.Mac;
using PhysML.Fluids;

namespace PhysML.Samples.Vortex;

/// <summary>The fluid force of every <see cref="VortexForce"/> entity, read each substep (a timeline may move or
/// retune a vortex), added to the face velocities at the faces' own positions.</summary>
internal sealed class VortexForceField(World world) : IFluidForce2D
{
    private static readonly QueryDescription Vortices = new QueryDescription().WithAll<VortexForce>();

    public string Name => "samples.vortex";

    public void Apply(MacVelocity2D velocity, double time, double dt)
    {
        var g = velocity.Grid;
        var h = g.CellSize;
        foreach (var chunk in world.GetChunks(Vortices))
        {
            foreach (var vortex in chunk.GetSpan<VortexForce>())
            {
                for (var j = 0; j < g.Ny; j++)
                    for (var i = 0; i <= g.Nx; i++)
                        velocity.U[g.U(i, j)] += vortex.At(i * h, (j + 0.5) * h).Ax * dt;
                for (var j = 0; j <= g.Ny; j++)
                    for (var i = 0; i < g.Nx; i++)
                        velocity.V[g.V(i, j)] += vortex.At((i + 0.5) * h, j * h).Ay * dt;
            }
        }
    }
}
