namespace PhysML.ML.Training;

/// <summary>
/// How a checkpoint writes an <see cref="OnlineTrainer{TSample, TSnapshot}"/>'s samples and model snapshots, which only
/// the model's side knows. One instance serves one checkpoint write or read, so it may keep a table of what it wrote
/// (samples sharing an operator write it once and share it again when read: training groups samples by it).
/// </summary>
public interface IOnlineCheckpointFormat<TSample, TSnapshot>
{
    void WriteSample(BinaryWriter writer, TSample sample);

    TSample ReadSample(BinaryReader reader);

    void WriteSnapshot(BinaryWriter writer, TSnapshot snapshot);

    TSnapshot ReadSnapshot(BinaryReader reader);
}
