using PhysML.Core.IO;
using System.CommandLine;
using PhysML.Core.Ecs;
using PhysML.Core.Errors;
using PhysML.Fields.Mac;
using PhysML.Fluids;
using PhysML.Scenes.Loading;
using PhysML.Scenes.Recording;
using PhysML.Scenes.Running;
using PhysML.Solvers.Pressure;

namespace PhysML.Cli;

/// <summary>
/// <c>physml export-system SCENE --frame N --out DIR</c>: runs a fluid scene to frame N and writes the first pressure
/// system solved in that frame — A.mtx, b.mtx, x.mtx (Matrix Market) and flags.npy (1 = solid, shape [ny, nx]) — so
/// anyone can check our solvers against other libraries.
/// </summary>
public static class ExportSystemVerb
{
    private static readonly QueryDescription Simulations = new QueryDescription().WithAll<FluidSimulation2D>();

    public static Command Create(CliContext context)
    {
        var scene = new Argument<string>("scene") { Description = "Path to a *.scene.json file with a fluidDomain." };
        var frame = new Option<int>("--frame") { Description = "The frame whose first pressure system is written (>= 1).", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Directory for A.mtx, b.mtx, x.mtx, flags.npy.", Required = true };
        var command = new Command("export-system", "Write a fluid scene's pressure system as Matrix Market files.") { scene, frame, output };
        command.SetAction(parsed =>
        {
            var frames = parsed.GetValue(frame);
            if (frames < 1) throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput, "--frame must be >= 1");
            var loaded = new SceneLoader(BuiltInPlugins.Catalog()).Load(parsed.GetValue(scene)!);
            var runner = new SceneRunner(loaded, new RunOptions { Frames = 0 });
            var simulations = runner.App.World.GetEntities(Simulations);
            if (simulations.Count == 0)
                throw new PhysMLException(ErrorCodes.InvalidArgument, ErrorCategory.BadInput,
                    $"{loaded.Path} has no fluidDomain: export-system writes the fluid plugin's pressure system");
            var simulation = runner.App.World.Get<FluidSimulation2D>(simulations[0]);
            for (var f = 1; f < frames; f++) runner.App.RunFrame(loaded.File.Time.StepsPerFrame);
            (PressurePoisson2D A, double[] B, double[] X, PhysML.Solvers.SolveInfo Info)? captured = null;
            simulation.OnPressureSolved = (a, b, phi, info) => captured ??= (a, b.ToArray(), phi.ToArray(), info);
            runner.App.RunFrame(loaded.File.Time.StepsPerFrame);
            simulation.OnPressureSolved = null;
            var (a, b, x, info) = captured!.Value;
            var directory = parsed.GetValue(output)!;
            Directory.CreateDirectory(directory);
            Write(directory, "A.mtx", w => MatrixMarket.WriteSymmetric(w, a));
            Write(directory, "b.mtx", w => MatrixMarket.WriteVector(w, b, "right-hand side b = -h^2 div u*"));
            Write(directory, "x.mtx", w => MatrixMarket.WriteVector(w, x, $"solution phi ({info.Solver}, {info.Iterations} iterations, relative residual {info.RelativeResidual:E3})"));
            var flags = simulation.Cells.Select(c => c == CellKind.Solid ? 1.0 : 0.0).ToArray();
            AtomicFile.Write(Path.Combine(directory, "flags.npy"), s => NpyWriter.Write(s, flags, simulation.Grid.CellShape, NpyDType.Float64));
            context.Output.WriteLine($"wrote A.mtx ({a.Size}×{a.Size}{(a.IsSingular ? ", singular: constant null space per closed region" : "")}), " +
                                     $"b.mtx, x.mtx ({info.Solver}, {info.Iterations} iterations, ‖r‖/‖b‖ = {info.RelativeResidual:E2}), flags.npy to {Path.GetFullPath(directory)}");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(string directory, string name, Action<TextWriter> write) =>
        AtomicFile.Write(Path.Combine(directory, name), stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true) { NewLine = "\n" };
            write(writer);
        });
}
