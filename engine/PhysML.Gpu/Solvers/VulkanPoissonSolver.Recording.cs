using PhysML.Solvers;
using PhysML.Solvers.Multigrid;
using PhysML.Solvers.Pressure;

namespace PhysML.Gpu.Solvers;

public sealed partial class VulkanPoissonSolver
{
    private T Keep<T>(T resource) where T : IDisposable => _system.Keep(resource);

    // Uploads the stencil (and the multigrid hierarchy) and records the two sequences (through _system.For: only when
    // this exact operator at this version is not already there).
    private SystemBuffers Build(IPoissonStencil a)
    {
        var n = a.Size;
        if (_floats.Length < n) _floats = new float[n];
        var levels = UploadLevels(a);
        var top = levels[0];
        GpuBuffer Vector(string name, int count) => Keep(_context.CreateBuffer(SolverBuffers.Vector(count), $"solver.{name}"));
        var x = Vector("x", n);
        var b = Vector("b", n);
        var r = Vector("r", n);
        // Plain CG has z = r: the same buffer, no copy.
        var z = Preconditioner == PressurePreconditioner.None ? r : Vector("z", n);
        var p = Vector("p", n);
        var ap = Vector("Ap", n);
        var partials = Vector("partials", top.Groups.Count);
        var scalars = Keep(_context.CreateBuffer(SolverBuffers.Scalars(SolverScalars.HeaderFloats + Options.MaxIterations + 1), "solver.scalars"));
        var buffers = new SystemBuffers(levels, x, b, r, z, p, ap, partials, scalars,
            Keep(_context.CreateSequence("solver.initial")), Keep(_context.CreateSequence("solver.batch")));
        Record(buffers);
        return buffers;
    }

    private GpuStencilLevel[] UploadLevels(IPoissonStencil a)
    {
        if (Preconditioner != PressurePreconditioner.Multigrid)
        {
            var inverse = new double[a.Size];
            for (var i = 0; i < inverse.Length; i++) inverse[i] = 1 / a.Diagonal[i];
            return [Keep(new GpuStencilLevel(_context, "level0", a.Shape, a.Diagonal, a.East, a.North, a.Front, inverse, default, workVectors: false))];
        }
        var hierarchy = new MultigridHierarchy(a);
        if (SmootherWeights is { } learned) hierarchy.ScaleSmoothers(learned.For(hierarchy));
        var levels = new GpuStencilLevel[hierarchy.Levels.Count];
        for (var l = 0; l < levels.Length; l++)
        {
            var level = hierarchy.Levels[l];
            levels[l] = Keep(new GpuStencilLevel(_context, $"level{l}", level.Shape, level.Diagonal, level.East, level.North,
                level.Front, level.InverseDiagonal, l + 1 < levels.Length ? level.InterpolationScale : default, workVectors: true)
            {
                Ratio = level.Ratio,
            });
        }
        return levels;
    }

    private void Record(SystemBuffers s)
    {
        var top = s.Levels[0];
        var groups = top.Groups;
        var count = new CountPush((uint)top.Shape.CellCount);
        var bytes = (ulong)top.Shape.CellCount * sizeof(float);
        KernelBinding Bind(ComputeKernel kernel, params GpuBuffer[] buffers) => Keep(kernel.Bind(buffers));
        var k = _kernels;
        var residual = Bind(k.StencilResidual, top.Diagonal, top.East, top.North, top.Front, s.X, s.B, s.R);
        var applyDot = Bind(k.StencilApplyDot, top.Diagonal, top.East, top.North, top.Front, s.P, s.Ap, s.Partials);
        var dotRr = Bind(k.Dot, s.R, s.R, s.Partials);
        var reduce = Bind(k.ReduceScalars, s.Partials, s.Scalars);
        var update = Bind(k.CgUpdate, s.Scalars, s.P, s.Ap, s.X, s.R, s.Partials);
        var direction = Bind(k.CgDirection, s.Scalars, s.Z, s.P);
        Action<ComputeRecorder> precondition = Preconditioner switch
        {
            PressurePreconditioner.Jacobi => JacobiRecorder(Bind(k.JacobiDot, top.InverseDiagonal, s.R, s.Z, s.Partials), count, groups),
            PressurePreconditioner.Multigrid => MultigridRecorder(s, Bind(k.Dot, s.R, s.Z, s.Partials), count, groups),
            _ => _ => { }, // plain CG: the partial sums of r·r are still in place for the r·z reduction
        };
        var one = new WorkgroupGrid(1, 1);
        void Reduce(ComputeRecorder recorder, ReduceMode mode) =>
            recorder.Dispatch(reduce, new ReducePush((uint)groups.Count, mode), one);

        s.Initial.Record(recorder =>
        {
            recorder.Dispatch(residual, top.Grid, groups);
            recorder.Dispatch(dotRr, count, groups);
            Reduce(recorder, ReduceMode.InitialRr);
            precondition(recorder);
            Reduce(recorder, ReduceMode.InitialRz);
            recorder.Copy(s.Z, s.P, bytes);
        });
        s.Batch.Record(recorder =>
        {
            for (var i = 0; i < CheckEvery; i++)
            {
                recorder.Dispatch(applyDot, top.Grid, groups);
                Reduce(recorder, ReduceMode.PAp);
                recorder.Dispatch(update, count, groups);
                Reduce(recorder, ReduceMode.Rr);
                precondition(recorder);
                Reduce(recorder, ReduceMode.Rz);
                recorder.Dispatch(direction, count, groups);
            }
        });
    }

    private static Action<ComputeRecorder> JacobiRecorder(KernelBinding jacobiDot, CountPush count, WorkgroupGrid groups) =>
        recorder => recorder.Dispatch(jacobiDot, count, groups);

    // z = V-cycle(r), then the partial sums of r·z. Level 0 smooths into z with r as its right-hand side; the CPU
    // reference is MultigridPreconditioner.Cycle, step for step. Fused sweeps ping-pong between a level's x and t, so
    // which buffer holds the level's current x is tracked while recording, and bindings are made per buffer choice.
    private Action<ComputeRecorder> MultigridRecorder(SystemBuffers s, KernelBinding dotRz, CountPush count, WorkgroupGrid groups)
    {
        var levels = s.Levels;
        var k = _kernels;
        var x = levels.Select((l, i) => i == 0 ? s.Z : l.X!).ToArray();
        var b = levels.Select((l, i) => i == 0 ? s.R : l.B!).ToArray();
        var bindings = new Dictionary<(ComputeKernel, int, GpuBuffer), KernelBinding>();
        // One binding per (kernel, level, current x buffer), made on first use.
        KernelBinding For(ComputeKernel kernel, int l, GpuBuffer current, Func<GpuBuffer[]> buffers)
        {
            if (!bindings.TryGetValue((kernel, l, current), out var binding))
                bindings[(kernel, l, current)] = binding = Keep(kernel.Bind(buffers()));
            return binding;
        }
        var push = new InterpolationPush[levels.Length - 1];
        for (var l = 0; l + 1 < levels.Length; l++)
        {
            var (f, c, ratio) = (levels[l].Shape, levels[l + 1].Shape, levels[l].Ratio);
            var periodic = (f.PeriodicX ? 1 : 0) | (f.PeriodicY ? 2 : 0) | (f.PeriodicZ ? 4 : 0);
            push[l] = new InterpolationPush(f.Nx, f.Ny, f.Nz, 0, c.Nx, c.Ny, c.Nz, 0, ratio.X, ratio.Y, ratio.Z, periodic,
                (float)(4.0 / (ratio.X * ratio.Y * ratio.Z)));
        }
        // Learned damping is already folded into each level's inverse diagonal.
        var omega = SmootherWeights is null ? (float)_multigrid.Omega : 1f;

        // Runs `sweeps` fused sweeps on level l starting from `current`; returns the buffer that holds the result.
        GpuBuffer Sweeps(ComputeRecorder recorder, int l, GpuBuffer current, int sweeps)
        {
            var level = levels[l];
            var grid = level.Grid;
            for (var i = 0; i < sweeps; i++)
            {
                var next = current == x[l] ? level.T! : x[l];
                var from = current;
                recorder.Dispatch(For(k.MgSmooth, l, from, () => [level.Diagonal, level.East, level.North, level.Front, level.InverseDiagonal, b[l], from, next]),
                    new GridSmoothPush(grid.Nx, grid.Ny, grid.Nz, omega), level.Groups);
                current = next;
            }
            return current;
        }

        // The V-cycle on level l; returns the buffer holding its result.
        GpuBuffer Cycle(ComputeRecorder recorder, int l)
        {
            var level = levels[l];
            var last = l == levels.Length - 1;
            var n = (uint)level.Shape.CellCount;
            recorder.Dispatch(For(k.MgSmoothFromZero, l, x[l], () => [level.InverseDiagonal, b[l], x[l]]), new SmoothPush(n, omega), level.Groups);
            var current = Sweeps(recorder, l, x[l], (last ? _multigrid.CoarsestSweeps : _multigrid.Sweeps) - 1);
            if (last) return current;
            var coarse = levels[l + 1];
            var r = level.R!;
            var from = current;
            recorder.Dispatch(For(k.StencilResidual, l, from, () => [level.Diagonal, level.East, level.North, level.Front, from, b[l], r]), level.Grid, level.Groups);
            recorder.Dispatch(For(k.MgRestrict, l, r, () => [level.InterpolationScale!, r, coarse.InverseDiagonal, b[l + 1]]), push[l], coarse.Groups);
            var coarseResult = Cycle(recorder, l + 1);
            recorder.Dispatch(For(k.MgProlong, l, from, () => [level.InterpolationScale!, coarseResult, from]), push[l], level.Groups);
            return Sweeps(recorder, l, current, _multigrid.Sweeps);
        }

        var bytes = (ulong)levels[0].Shape.CellCount * sizeof(float);
        return recorder =>
        {
            var result = Cycle(recorder, 0);
            if (result != s.Z) recorder.Copy(result, s.Z, bytes);
            recorder.Dispatch(dotRz, count, groups);
        };
    }
}
