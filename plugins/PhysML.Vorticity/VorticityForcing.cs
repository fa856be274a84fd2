namespace PhysML.Vorticity;

/// <summary>The body force f in ∂ω/∂t + u·∇ω = ν∇²ω + f (a vorticity source, 1/s²).</summary>
public enum VorticityForcing
{
    /// <summary>f = 0: freely decaying (or, with ν = 0, conservative) flow.</summary>
    None,
    /// <summary>
    /// The forcing of the Fourier Neural Operator Navier–Stokes benchmark (Li et al. 2021, §5.3):
    /// f = 0.1·(sin(2π(x + y)/L) + cos(2π(x + y)/L)), which on the unit square is exactly FNO's
    /// <c>0.1*(sin(2π(X+Y)) + cos(2π(X+Y)))</c> (neuraloperator/neuraloperator, data_generation/navier_stokes/ns_2d.py).
    /// </summary>
    Fno,
}
