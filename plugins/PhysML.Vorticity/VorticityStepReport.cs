namespace PhysML.Vorticity;

/// <summary>What one fixed step did: how many internal substeps it took and the largest Courant number
/// h·(max|u| + max|v|)/Δx seen at any stage of them.</summary>
public readonly record struct VorticityStepReport(int Substeps, double Cfl);
