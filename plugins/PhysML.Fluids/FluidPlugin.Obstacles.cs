using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.Fields.Mac;
using PhysML.Fields.Mac3D;
using PhysML.Fluids.ThreeD;

namespace PhysML.Fluids;

/// <summary>The obstacles of a domain, 2D or 3D, read from their components and checked against the domain: z fields
/// only in 3D, disks only in 2D, spheres only in 3D, and every obstacle inside the domain at its start and at each
/// keyframe of its path (a keyframed path is linear between keys, so a convex shape inside at both ends of a
/// segment stays inside along it); no obstacle may touch an inflow side.</summary>
public sealed partial class FluidPlugin
{
    private static List<ObstacleShape> ObstacleShapes(World world, FluidDomain domain)
    {
        var grid = ObstacleGrid(domain);
        var is3D = domain.Is3D;
        var shapes = new List<ObstacleShape>();
        foreach (var entity in world.GetEntities(Boxes))
        {
            var box = world.Get<BoxObstacle>(entity);
            if (!is3D) RequireFlat(world, entity, "boxObstacle", box.Path, box.VelocityZ, box.Oscillation, ("z", box.Z));
            RequireInside(world, entity, "boxObstacle", box.Path, (box.X, box.Y, box.Z), (box.Width / 2, box.Height / 2, box.Depth / 2), grid, is3D);
            shapes.Add(is3D ? ObstacleShape.From3D(box) : ObstacleShape.From(box));
        }
        foreach (var entity in world.GetEntities(Disks))
        {
            var disk = world.Get<DiskObstacle>(entity);
            if (is3D) throw new ComponentValueException(entity, "diskObstacle", "a disk is 2D; a 3D fluidDomain takes sphereObstacle (or a capsule sdfObstacle for a cylinder)");
            RequireInside(world, entity, "diskObstacle", disk.Path, (disk.X, disk.Y, 0), (disk.Radius, disk.Radius, 0), grid, is3D);
            shapes.Add(ObstacleShape.From(disk));
        }
        foreach (var entity in world.GetEntities(Spheres))
        {
            var sphere = world.Get<SphereObstacle>(entity);
            if (!is3D) throw new ComponentValueException(entity, "sphereObstacle", "a sphere is 3D; a 2D fluidDomain (nz = 0) takes diskObstacle");
            RequireInside(world, entity, "sphereObstacle", sphere.Path, (sphere.X, sphere.Y, sphere.Z), (sphere.Radius, sphere.Radius, sphere.Radius), grid, is3D);
            shapes.Add(ObstacleShape.From(sphere));
        }
        foreach (var entity in world.GetEntities(Sdfs))
        {
            var sdf = world.Get<SdfObstacle>(entity);
            if (!is3D) RequireFlat(world, entity, "sdfObstacle", sdf.Path, sdf.VelocityZ, sdf.Oscillation, ("z", sdf.Z), ("z2", sdf.Z2));
            if (is3D && sdf.Shape == SdfShape.RoundedBox && sdf.Radius > sdf.HalfDepth)
                throw new ComponentValueException(entity, "sdfObstacle.radius",
                    $"the corner radius must not exceed halfDepth ({sdf.HalfDepth} m) in a 3D domain");
            RequireSdfInside(world, entity, sdf, grid, is3D);
            shapes.Add(is3D ? ObstacleShape.From3D(sdf) : ObstacleShape.From(sdf));
        }
        return shapes;
    }

    // Obstacles of a 2D domain are rasterised on the one-layer 3D grid, index for index.
    private static MacGrid3D ObstacleGrid(FluidDomain domain) =>
        domain.Is3D ? domain.Grid3D : new MacGrid3D(domain.Nx, domain.Ny, 1, domain.CellSize);

    // An inflow face on a solid cell would have to carry both the inflow and the obstacle's velocity; the obstacle
    // wins silently, which is never what the scene meant. One check for 2D and 3D: a 2D domain is the one-layer grid
    // without back and front sides.
    private static void RequireClearInflows(Entity domainEntity, FluidDomain domain, IReadOnlyList<ObstacleShape> shapes)
    {
        var grid = ObstacleGrid(domain);
        var cells = new CellKind[grid.CellCount];
        new ObstacleSet3D(shapes).Rasterise(0, grid, cells, new MacVelocity3D(grid));
        foreach (var (name, side) in domain.Boundary3D.Sides().Take(domain.Is3D ? 6 : 4))
        {
            if (side.Kind != SideKind.Inflow) continue;
            var blocked = 0;
            foreach (var n in CellsNextTo(grid, name))
                if (cells[n] == CellKind.Solid) blocked++;
            if (blocked > 0)
                throw new ComponentValueException(domainEntity, $"fluidDomain.{(name is "back" or "front" ? "boundaryZ" : "boundary")}.{name}",
                    $"the inflow on the {name} side touches {blocked} obstacle cell(s); move the obstacle at least one cell " +
                    "away from the inflow, or make that side a wall");
        }
    }

    // The layer of cells that one side's faces open into (left: i = 0, …, front: k = nz − 1).
    private static IEnumerable<int> CellsNextTo(MacGrid3D grid, string side)
    {
        for (var k = 0; k < grid.Nz; k++)
            for (var j = 0; j < grid.Ny; j++)
                for (var i = 0; i < grid.Nx; i++)
                {
                    var next = side switch
                    {
                        "left" => i == 0,
                        "right" => i == grid.Nx - 1,
                        "bottom" => j == 0,
                        "top" => j == grid.Ny - 1,
                        "back" => k == 0,
                        "front" => k == grid.Nz - 1,
                        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "not a side of the domain"),
                    };
                    if (next) yield return grid.Cell(i, j, k);
                }
    }

    // A 2D domain has no z: a z field set on an obstacle there is a mistake, not something to ignore.
    private static void RequireFlat(World world, Entity entity, string component, Keyframe[] path, double velocityZ,
        Oscillation oscillation, params (string Field, double Value)[] positions)
    {
        var fields = positions.Append(("velocityZ", velocityZ)).Append(("oscillation.amplitudeZ", oscillation.AmplitudeZ))
            .Concat(path.Select((key, n) => ($"path[{n}].z", key.Z)));
        foreach (var (field, value) in fields)
            if (value != 0)
                throw new ComponentValueException(entity, $"{component}.{field}",
                    $"{field} is for 3D domains (nz >= 2); this fluidDomain is 2D (got {value})");
    }

    // An obstacle that pokes out of the domain is almost always a units mistake (cm for m); refuse it, at its start and
    // at every keyframe. `half` is the shape's half-extent around its reference point (0 along z in 2D).
    private static void RequireInside(World world, Entity entity, string component, Keyframe[] path,
        (double X, double Y, double Z) start, (double X, double Y, double Z) half, MacGrid3D grid, bool is3D)
    {
        Require(start, $"{component}.x", "");
        for (var n = 0; n < path.Length; n++)
            Require((path[n].X, path[n].Y, path[n].Z), $"{component}.path[{n}]", $"at keyframe {n} (t = {path[n].T:G4} s) ");

        void Require((double X, double Y, double Z) centre, string field, string when)
        {
            var (x0, x1, y0, y1) = (centre.X - half.X, centre.X + half.X, centre.Y - half.Y, centre.Y + half.Y);
            var (z0, z1) = (centre.Z - half.Z, centre.Z + half.Z);
            if (x0 >= 0 && y0 >= 0 && x1 <= grid.Width && y1 <= grid.Height && (!is3D || (z0 >= 0 && z1 <= grid.Depth))) return;
            var spans = $"x ∈ [{x0:G4}, {x1:G4}] m, y ∈ [{y0:G4}, {y1:G4}] m" + (is3D ? $", z ∈ [{z0:G4}, {z1:G4}] m" : "");
            throw new ComponentValueException(entity, field, $"{component} of entity {Describe(world, entity)} {when}spans {spans}, outside the " +
                $"fluid domain {DomainExtent(grid, is3D)}");
        }
    }

    private static string DomainExtent(MacGrid3D grid, bool is3D) => is3D
        ? $"[0, {grid.Width:G4}] × [0, {grid.Height:G4}] × [0, {grid.Depth:G4}] m (nx·cellSize × ny·cellSize × nz·cellSize)"
        : $"[0, {grid.Width:G4}] × [0, {grid.Height:G4}] m (nx·cellSize × ny·cellSize)";

    // A signed distance function has no bounding box to check; sample it on the two layers of cell centres around the
    // domain instead, at the start and at every keyframe: a negative distance there means the shape reaches outside.
    private static void RequireSdfInside(World world, Entity entity, SdfObstacle sdf, MacGrid3D grid, bool is3D)
    {
        Require((0, 0, 0), "sdfObstacle.x", "");
        for (var n = 0; n < sdf.Path.Length; n++)
        {
            var key = sdf.Path[n];
            Require((key.X - sdf.X, key.Y - sdf.Y, key.Z - sdf.Z), $"sdfObstacle.path[{n}]", $" at keyframe {n} (t = {key.T:G4} s)");
        }

        void Require((double X, double Y, double Z) offset, string field, string when)
        {
            var h = grid.CellSize;
            var (k0, k1) = is3D ? (-2, grid.Nz + 1) : (0, 0);
            for (var k = k0; k <= k1; k++)
                for (var j = -2; j <= grid.Ny + 1; j++)
                    for (var i = -2; i <= grid.Nx + 1; i++)
                    {
                        var inside = i >= 0 && i < grid.Nx && j >= 0 && j < grid.Ny && (!is3D || (k >= 0 && k < grid.Nz));
                        if (inside) continue;
                        var (x, y, z) = ((i + 0.5) * h - offset.X, (j + 0.5) * h - offset.Y, (k + 0.5) * h - offset.Z);
                        if ((is3D ? sdf.Distance(x, y, z) : sdf.Distance(x, y)) < 0)
                            throw new ComponentValueException(entity, field,
                                $"sdfObstacle of entity {Describe(world, entity)}{when} reaches outside the fluid domain {DomainExtent(grid, is3D)}");
                    }
        }
    }
}
