using System.Runtime.CompilerServices;
using PhysML.Core.Errors;
using Silk.NET.Vulkan;

namespace PhysML.Gpu;

/// <summary>A Vulkan call returned an error. Carries the <see cref="Result"/> and the call that failed.</summary>
/// <remarks>
/// Every creation and submit result is checked in every build configuration (Veldrid only checks in Debug, which
/// turns a device loss in Release into a hang or a crash far from its cause).
/// </remarks>
public sealed class VulkanException : PhysMLException
{
    public VulkanException(Result result, string call, string? detail = null)
        : base(ErrorCodes.VulkanCallFailed, ErrorCategory.Internal, FormatMessage(result, call, detail))
    {
        Result = result;
        Call = call;
    }

    /// <summary>The VkResult the call returned.</summary>
    public Result Result { get; }

    /// <summary>The call that failed, as written at the call site.</summary>
    public string Call { get; }

    /// <summary>Throws unless <paramref name="result"/> is <see cref="Result.Success"/>.</summary>
    /// <remarks>
    /// The call text comes from CallerArgumentExpression, so call sites stay one line: <c>Check(vk.CreateFence(...))</c>.
    /// Positive non-success codes (NotReady, Timeout, Incomplete) are also rejected: none of our calls expects them.
    /// </remarks>
    internal static void Check(Result result, [CallerArgumentExpression(nameof(result))] string call = "")
    {
        if (result != Result.Success)
        {
            throw new VulkanException(result, call);
        }
    }

    private static string FormatMessage(Result result, string call, string? detail)
    {
        string message = $"Vulkan call failed with {result} ({(int)result}): {call}";
        return detail is null ? message : $"{message}. {detail}";
    }
}
