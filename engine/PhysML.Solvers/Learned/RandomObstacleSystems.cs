using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Solvers.Pressure;
using PhysML.Solvers.Pressure3D;

namespace PhysML.Solvers.Learned;

/// <summary>
/// Seeded random pressure systems for training and held-out benchmarks of learned preconditioners: a box of n² or n³
/// cells with 1–4 obstacles (boxes, balls and capsules, the last given by its signed distance), either a smoke tank
/// (walls, open top: definite) or a closed box (all walls: singular). The same seed gives the same system, so a
/// held-out set is a range of seeds that training never used.
/// </summary>
public static class RandomObstacleSystems
{
    private static readonly FlowSide Wall = new(SideKind.NoSlip);
    private static readonly FlowSide Open = new(SideKind.Outflow);

    /// <summary>A system for <paramref name="seed"/>: a 2D one when <paramref name="dimensions"/> is 2, else 3D.</summary>
    public static IPoissonStencil Create(int dimensions, int n, int seed)
    {
        if (dimensions is not (2 or 3)) throw new ArgumentOutOfRangeException(nameof(dimensions), dimensions, "2 or 3");
        if (n < 8) throw new ArgumentOutOfRangeException(nameof(n), n, "at least 8 cells per side");
        var random = new Random(seed);
        var closed = random.NextDouble() < 0.3;
        var obstacles = Enumerable.Range(0, random.Next(1, 5)).Select(_ => RandomObstacle(random, dimensions)).ToArray();
        if (dimensions == 2)
        {
            var grid = new MacGrid2D(n, n, 1.0 / n);
            var cells = Rasterise(n, 1, obstacles);
            return new PressurePoisson2D(grid, new FlowBoundary(Wall, Wall, Wall, closed ? Wall : Open), cells);
        }
        var grid3 = new MacGrid3D(n, n, n, 1.0 / n);
        return new PressurePoisson3D(grid3, new FlowBoundary3D(Wall, Wall, Wall, closed ? Wall : Open, Wall, Wall),
            Rasterise(n, n, obstacles));
    }

    /// <summary>
    /// A seeded unit-norm right-hand side for <paramref name="a"/>, shaped like a pressure solve's divergence: a few
    /// random low-frequency cosine modes plus cell-level noise of the same size, on the unknowns only, and compatible
    /// (each floating region's mean removed) when the system is singular.
    /// </summary>
    public static double[] RightHandSide(IPoissonStencil a, int seed)
    {
        var random = new Random(seed);
        var s = a.Shape;
        var modes = Enumerable.Range(0, 4).Select(_ => (Kx: random.Next(1, 5), Ky: random.Next(1, 5), Kz: random.Next(1, 5),
            Phase: 2 * Math.PI * random.NextDouble(), Amplitude: random.NextDouble() + 0.5)).ToArray();
        var b = new double[a.Size];
        for (var k = 0; k < s.Nz; k++)
            for (var j = 0; j < s.Ny; j++)
                for (var i = 0; i < s.Nx; i++)
                {
                    var n = (k * s.Ny + j) * s.Nx + i;
                    if (!a.IsUnknown(n)) continue;
                    var (x, y, z) = ((i + 0.5) / s.Nx, (j + 0.5) / s.Ny, (k + 0.5) / s.Nz);
                    var smooth = 0.0;
                    foreach (var m in modes)
                        smooth += m.Amplitude * Math.Cos(Math.PI * (m.Kx * x + m.Ky * y + (s.Nz > 1 ? m.Kz * z : 0)) + m.Phase);
                    b[n] = smooth + 2 * (random.NextDouble() - 0.5);
                }
        if (a.IsSingular) new PoissonNullSpace().RemoveRegionMeans(a, b);
        var norm = VectorOps.Norm(b);
        for (var n = 0; n < b.Length; n++) b[n] /= norm;
        return b;
    }

    private enum Kind { Box, Ball, Capsule }

    /// <summary>An obstacle in the unit square or cube; z terms are 0 in 2D.</summary>
    private readonly record struct Obstacle(Kind Kind, Vector3d Centre, Vector3d Half, Vector3d Axis, double Radius)
    {
        // Signed distance (negative inside); exact for the ball and capsule, the usual box distance for the box.
        public double Distance(Vector3d p)
        {
            var d = p - Centre;
            switch (Kind)
            {
                case Kind.Ball:
                    return d.Length - Radius;
                case Kind.Box:
                    var q = new Vector3d(Math.Abs(d.X) - Half.X, Math.Abs(d.Y) - Half.Y, Math.Abs(d.Z) - Half.Z);
                    var outside = new Vector3d(Math.Max(q.X, 0), Math.Max(q.Y, 0), Math.Max(q.Z, 0)).Length;
                    return outside + Math.Min(Math.Max(q.X, Math.Max(q.Y, q.Z)), 0);
                default:
                    var t = Math.Clamp(d.Dot(Axis) / Axis.Dot(Axis), -1, 1);
                    return (d - Axis * t).Length - Radius;
            }
        }
    }

    private readonly record struct Vector3d(double X, double Y, double Z)
    {
        public double Length => Math.Sqrt(Dot(this));
        public double Dot(Vector3d o) => X * o.X + Y * o.Y + Z * o.Z;
        public static Vector3d operator -(Vector3d a, Vector3d b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);
        public static Vector3d operator *(Vector3d a, double s) => new(a.X * s, a.Y * s, a.Z * s);
    }

    private static Obstacle RandomObstacle(Random random, int dimensions)
    {
        double Coordinate() => 0.2 + 0.6 * random.NextDouble();
        double Size() => 0.05 + 0.12 * random.NextDouble();
        var three = dimensions == 3;
        var centre = new Vector3d(Coordinate(), Coordinate(), three ? Coordinate() : 0);
        var kind = (Kind)random.Next(3);
        var half = new Vector3d(Size(), Size(), three ? Size() : 0);
        // A capsule's axis is its half-length times a random unit direction.
        var angle = 2 * Math.PI * random.NextDouble();
        var tilt = three ? Math.Acos(2 * random.NextDouble() - 1) : Math.PI / 2;
        var length = Size();
        var axis = new Vector3d(Math.Sin(tilt) * Math.Cos(angle), Math.Sin(tilt) * Math.Sin(angle), Math.Cos(tilt)) * length;
        return new Obstacle(kind, centre, half, axis, 0.5 * Size());
    }

    private static CellKind[] Rasterise(int n, int layers, Obstacle[] obstacles)
    {
        var cells = new CellKind[n * n * layers];
        for (var k = 0; k < layers; k++)
            for (var j = 0; j < n; j++)
                for (var i = 0; i < n; i++)
                {
                    var p = new Vector3d((i + 0.5) / n, (j + 0.5) / n, layers == 1 ? 0 : (k + 0.5) / n);
                    foreach (var obstacle in obstacles)
                        if (obstacle.Distance(p) < 0)
                        {
                            cells[(k * n + j) * n + i] = CellKind.Solid;
                            break;
                        }
                }
        return cells;
    }
}
