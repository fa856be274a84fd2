using System.Text.Json;
using System.Text.Json.Serialization;
using PhysML.Core.Checkpoints;
using PhysML.Solvers;

namespace PhysML.Pde;

/// <summary>What a run checkpoint keeps of a Poisson solution: the problem it last solved (which may differ from the
/// component's value when a timeline changed it after the frame: the next frame re-solves), u (the next solve's warm
/// start), f, the last solve's figures and the solve count. The CG scratch is rebuilt per solve.</summary>
public sealed partial class PoissonSolution : ICheckpointable
{
    private static readonly JsonSerializerOptions ProblemJson = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public void WriteCheckpoint(BinaryWriter writer)
    {
        writer.Write(JsonSerializer.Serialize(Problem, ProblemJson));
        CheckpointData.Write<double>(writer, U);
        CheckpointData.Write<double>(writer, Source);
        writer.Write(Info.Solver);
        writer.Write(Info.Iterations);
        writer.Write(Info.RelativeResidual);
        writer.Write(Info.Tolerance);
        writer.Write(Info.Converged);
        writer.Write(Solves);
    }

    public void ReadCheckpoint(BinaryReader reader)
    {
        var problem = JsonSerializer.Deserialize<PoissonProblem>(reader.ReadString(), ProblemJson);
        if (problem.Grid != Grid)
            throw new CheckpointFormatException($"poisson: the checkpoint's grid is {problem.Nx}×{problem.Ny}, this run's {Grid.Nx}×{Grid.Ny}");
        Problem = problem;
        CheckpointData.Read<double>(reader, U, "poisson u");
        CheckpointData.Read<double>(reader, Source, "poisson source");
        Info = new SolveInfo(reader.ReadString(), reader.ReadInt32(), reader.ReadDouble(), reader.ReadDouble(), reader.ReadBoolean(),
            [], TimeSpan.Zero);
        Solves = reader.ReadInt32();
    }
}
