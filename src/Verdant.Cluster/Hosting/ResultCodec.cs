using System.Text.Json;
using System.Text.Json.Serialization;
using Verdant.Core.Simulation;

namespace Verdant.Cluster.Hosting;

/// <summary>A run's result to and from UTF-8 JSON, for <see cref="Contracts.RunOutcome"/>; NaN metrics survive the trip.</summary>
public static class ResultCodec
{
    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Encodes <paramref name="result"/>.</summary>
    public static byte[] Encode(SimulationResult result) => JsonSerializer.SerializeToUtf8Bytes(result, Json);

    /// <summary>Decodes bytes made by <see cref="Encode"/>.</summary>
    /// <exception cref="JsonException">The bytes are not a result.</exception>
    public static SimulationResult Decode(byte[] json) =>
        JsonSerializer.Deserialize<SimulationResult>(json, Json) ?? throw new JsonException("empty result");
}
