namespace PhysML.Scenes.Loading;

/// <summary>A timeline's online-training action: stop taking training samples, or start again.</summary>
public enum TrainingSwitch
{
    Start,
    Stop,
}
