using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using PhysML.Heat;
using PhysML.Scenes.Loading;

namespace PhysML.Scenes.Tests;

/// <summary>scenes/scene.schema.json must accept every shipped scene, reject what the loader rejects at the schema
/// level, and describe the built-in components' fields exactly (so editors complete the same names the loader reads).</summary>
public class SceneSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(SceneFixtures.Scene("scene.schema.json")));

    private static EvaluationResults Evaluate(string path) =>
        Schema.Evaluate(JsonNode.Parse(File.ReadAllText(path), documentOptions: SceneJson.DocumentOptions),
            new EvaluationOptions { OutputFormat = OutputFormat.List });

    public static TheoryData<string> ShippedScenes()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenes"), "*.scene.json").Order())
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedScenes))]
    public void Every_shipped_scene_conforms_to_the_schema_and_loads(string file)
    {
        var results = Evaluate(SceneFixtures.Scene(file));

        Assert.True(results.IsValid, string.Join("\n", results.Details.Where(d => d.HasErrors)
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
        SceneFixtures.Loader().Load(SceneFixtures.Scene(file));
    }

    [Theory]
    [InlineData("unknown-top-level-field.scene.json")]
    [InlineData("dt-not-a-number.scene.json")]
    [InlineData("unknown-component-field.scene.json")]
    [InlineData("unknown-enum-value.scene.json")]
    [InlineData("edge-without-value.scene.json")]
    [InlineData("negative-radius.scene.json")]
    [InlineData("timeline-event-in-the-past.scene.json")]
    public void The_schema_rejects_scenes_the_loader_rejects(string file)
    {
        Assert.False(Evaluate(SceneFixtures.Malformed(file)).IsValid);
    }

    [Theory]
    [InlineData("heatPlate", typeof(HeatPlate))]
    [InlineData("heatSource", typeof(HeatSource))]
    [InlineData("fluidDomain", typeof(PhysML.Fluids.FluidDomain))]
    [InlineData("smokeEmitter", typeof(PhysML.Fluids.SmokeEmitter))]
    [InlineData("boxObstacle", typeof(PhysML.Fluids.BoxObstacle))]
    [InlineData("diskObstacle", typeof(PhysML.Fluids.DiskObstacle))]
    [InlineData("forceReport", typeof(PhysML.Fluids.ForceReport))]
    [InlineData("sphereObstacle", typeof(PhysML.Fluids.ThreeD.SphereObstacle))]
    [InlineData("fan", typeof(PhysML.Fluids.Fan))]
    [InlineData("sdfObstacle", typeof(PhysML.Fluids.SdfObstacle))]
    [InlineData("diffusionSorptionRod", typeof(PhysML.DiffusionSorption.DiffusionSorptionRod))]
    [InlineData("vorticityDomain", typeof(PhysML.Vorticity.VorticityDomain))]
    [InlineData("surrogateShadow", typeof(PhysML.Surrogates.SurrogateShadow))]
    [InlineData("waveMembrane", typeof(PhysML.Pde.WaveMembrane))]
    [InlineData("burgers1D", typeof(PhysML.Pde.Burgers1D))]
    [InlineData("burgers2D", typeof(PhysML.Pde.Burgers2D))]
    [InlineData("poissonProblem", typeof(PhysML.Pde.PoissonProblem))]
    [InlineData("pointProbe", typeof(PhysML.Fields.Probes.PointProbe))]
    [InlineData("differenceProbe", typeof(PhysML.Fields.Probes.DifferenceProbe))]
    public void Built_in_component_definitions_list_exactly_the_fields_the_loader_reads(string definition, Type type)
    {
        var schema = JsonNode.Parse(File.ReadAllText(SceneFixtures.Scene("scene.schema.json")))!;
        var inSchema = schema["$defs"]![definition]!["properties"]!.AsObject().Select(p => p.Key).Order();
        var inType = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).Order();

        Assert.Equal(inType, inSchema);
    }

    [Theory]
    [InlineData("timelineEvent", typeof(TimelineEvent))]
    [InlineData("timelineMoment", typeof(TimelineMoment))]
    [InlineData("timelineSet", typeof(TimelineSet))]
    [InlineData("timelineAssertion", typeof(TimelineAssertion))]
    [InlineData("timelinePressure", typeof(TimelinePressure))]
    [InlineData("timelineScreenshot", typeof(TimelineScreenshot))]
    public void Timeline_definitions_list_exactly_the_fields_the_loader_reads(string definition, Type type)
    {
        var schema = JsonNode.Parse(File.ReadAllText(SceneFixtures.Scene("scene.schema.json")))!;
        var inSchema = schema["$defs"]![definition]!["properties"]!.AsObject().Select(p => p.Key).Order();

        Assert.Equal(JsonErrorText.KnownFields(type).Split(", ").Order(), inSchema);
        Assert.NotNull(schema["properties"]!["timeline"]);
    }

    [Fact]
    public void The_schema_spells_the_comparison_operators_as_the_loader_does()
    {
        var schema = JsonNode.Parse(File.ReadAllText(SceneFixtures.Scene("scene.schema.json")))!;
        var inSchema = schema["$defs"]!["timelineAssertion"]!["properties"]!["op"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Equal(JsonErrorText.EnumNames(typeof(ComparisonOperator)), inSchema);
    }
}
