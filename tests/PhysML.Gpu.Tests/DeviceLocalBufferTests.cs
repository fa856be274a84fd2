namespace PhysML.Gpu.Tests;

[Collection(GpuCollection.Name)]
public sealed class DeviceLocalBufferTests
{
    [Fact]
    public void A_device_local_buffer_round_trips_through_staging_at_an_offset_without_validation_messages()
    {
        var context = new VulkanContext(VulkanDeviceOptions.Validated);
        using (context)
        {
            var usage = GpuBufferUsage.Storage;
            using var buffer = context.CreateBuffer(new BufferDescription(4 * 1000, usage, HostVisible: false), "device-local");
            var values = Enumerable.Range(0, 1000).Select(i => (float)Math.Sin(i)).ToArray();
            buffer.Upload<float>(values);
            buffer.Upload<float>([42f, 43f], elementOffset: 998);
            var back = new float[1000];
            buffer.Download<float>(back);
            Assert.Equal(values[..998], back[..998]);
            Assert.Equal([42f, 43f], back[998..]);
            var middle = new float[10];
            buffer.Download<float>(middle, elementOffset: 500);
            Assert.Equal(values[500..510], middle);
            // Larger than any transfer so far: the staging buffer grows.
            using var big = context.CreateBuffer(new BufferDescription(4 * 100_000, usage, HostVisible: false), "big");
            var ramp = Enumerable.Range(0, 100_000).Select(i => (float)i).ToArray();
            big.Upload<float>(ramp);
            var rampBack = new float[100_000];
            big.Download<float>(rampBack);
            Assert.Equal(ramp, rampBack);
        }
        Assert.Empty(context.ValidationMessages);
    }
}
