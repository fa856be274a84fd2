namespace PhysML.Scenes.Running;

/// <summary>Reported after each frame, for progress bars and logs.</summary>
public readonly record struct RunProgress(int Frame, int Frames, double SimulatedTime, double StepMilliseconds);
