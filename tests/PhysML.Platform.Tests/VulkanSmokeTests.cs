using System.Runtime.InteropServices;
using PhysML.Gpu;
using Xunit.Abstractions;

namespace PhysML.Platform.Tests;

/// <summary>
/// The Vulkan layer works end to end on whatever device the machine has (lavapipe on CI), with the Khronos
/// validation layer on: any validation message fails the test.
/// </summary>
[Collection(NativePlatformCollection.Name)]
public sealed class VulkanSmokeTests
{
    // Matches axpy.comp's push_constant block: float a; uint n; (std430-style packing, 8 bytes).
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct AxpyParams(float A, uint N);

    private const uint AxpyLocalSize = 256;

    private readonly ITestOutputHelper _output;

    public VulkanSmokeTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void ValidationLayer_IsInstalled()
    {
        // Fails rather than skips: a test suite that silently runs without validation proves nothing.
        IReadOnlyList<string> layers = VulkanContext.EnumerateInstanceLayers();
        Assert.True(layers.Contains(VulkanContext.ValidationLayerName),
            $"{VulkanContext.ValidationLayerName} not found (layers: [{string.Join(", ", layers)}]): "
            + "install vulkan-validationlayers; run scripts/bootstrap.sh.");
    }

    [Fact]
    public void Axpy_OnOddSize_MatchesCpuExactly_WithoutValidationMessages()
    {
        // Odd size: the last workgroup is partly past the end, which is what the shader's bounds check is for.
        const int n = 100_003;
        // Padding past n, filled with a sentinel, catches a missing bounds check: threads n..groups*256-1 must not write.
        const int padding = 253;
        const float a = 2.5f;
        const float sentinel = -12345f;

        // Exactly representable data: k in 0..1023 times 2.5 plus halves needs < 24 mantissa bits, so GPU and CPU
        // agree exactly whether or not the device fuses the multiply-add.
        var x = new float[n];
        var y = new float[n + padding];
        var expected = new float[n + padding];
        for (int i = 0; i < n; i++)
        {
            x[i] = i % 1024;
            y[i] = 0.5f * (i % 7);
            expected[i] = a * x[i] + y[i];
        }

        Array.Fill(y, sentinel, n, padding);
        Array.Fill(expected, sentinel, n, padding);

        var context = new VulkanContext(VulkanDeviceOptions.Validated);
        var result = new float[n + padding];
        try
        {
            _output.WriteLine($"device: {context.DeviceName} ({context.DeviceType}, Vulkan {context.DeviceApiVersion})");
            Assert.False(string.IsNullOrWhiteSpace(context.DeviceName));

            using GpuBuffer xBuffer = context.CreateBuffer(BufferDescription.StorageFloats(n), "axpy.x");
            using GpuBuffer yBuffer = context.CreateBuffer(BufferDescription.StorageFloats(n + padding), "axpy.y");
            using ComputeKernel axpy = context.CreateKernel(
                new ComputeKernelDescription("shaders/common/axpy.comp.spv", StorageBufferCount: 2, PushConstantSize: 8));

            xBuffer.Upload<float>(x);
            yBuffer.Upload<float>(y);
            axpy.Dispatch([xBuffer, yBuffer], new AxpyParams(a, n), ComputeKernel.GroupCount(n, AxpyLocalSize));
            yBuffer.Download<float>(result);
        }
        finally
        {
            context.Dispose();
        }

        for (int i = 0; i < result.Length; i++)
        {
            if (result[i] != expected[i])
            {
                Assert.Fail($"y[{i}] = {result[i]}, expected {expected[i]} ({(i < n ? "inside" : "past")} n = {n}).");
            }
        }

        // Checked after Dispose, so leaks reported at vkDestroyDevice/vkDestroyInstance count too.
        IReadOnlyList<string> messages = context.ValidationMessages;
        Assert.True(messages.Count == 0,
            $"{messages.Count} validation message(s):\n{string.Join("\n", messages)}");
    }

    [Fact]
    public void BufferDescription_WithZeroSize_IsRejectedNamingTheField()
    {
        using var context = new VulkanContext(VulkanDeviceOptions.Validated);

        var error = Assert.Throws<ArgumentException>(
            () => context.CreateBuffer(new BufferDescription(0, GpuBufferUsage.Storage, HostVisible: true), "empty"));
        Assert.Equal(nameof(BufferDescription.SizeInBytes), error.ParamName);
        Assert.Contains("BufferDescription.SizeInBytes", error.Message);

        var usageError = Assert.Throws<ArgumentException>(
            () => context.CreateBuffer(new BufferDescription(64, GpuBufferUsage.None, HostVisible: true), "unused"));
        Assert.Equal(nameof(BufferDescription.Usage), usageError.ParamName);
        Assert.Contains("BufferDescription.Usage", usageError.Message);
    }

    [Fact]
    public void Kernel_WithUnknownShader_ListsTheEmbeddedOnes()
    {
        using var context = new VulkanContext(VulkanDeviceOptions.Validated);

        var error = Assert.Throws<ArgumentException>(
            () => context.CreateKernel(new ComputeKernelDescription("shaders/common/nope.comp.spv", 1, 0)));
        Assert.Contains("shaders/common/axpy.comp.spv", error.Message);
    }

    [Fact]
    public void Dispose_WithLiveChildren_TearsThemDownWithoutValidationMessages()
    {
        var context = new VulkanContext(VulkanDeviceOptions.Validated);
        GpuBuffer buffer = context.CreateBuffer(BufferDescription.StorageFloats(16), "left alive");
        ComputeKernel kernel = context.CreateKernel(new ComputeKernelDescription("shaders/common/axpy.comp.spv", 2, 8));

        context.Dispose();

        Assert.True(buffer.IsDisposed);
        Assert.True(kernel.IsDisposed);
        Assert.True(context.ValidationMessages.Count == 0, string.Join("\n", context.ValidationMessages));
    }
}
