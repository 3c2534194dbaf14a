using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Verdant.Cluster.Metering;
using Verdant.Cluster.Options;

namespace Verdant.Cluster.Hosting;

/// <summary>Registers Verdant's grains' services on a silo: the workload, the options and their validation, site placement.</summary>
public static class VerdantClusterExtensions
{
    /// <summary>
    /// Makes this silo a Verdant silo for <paramref name="workload"/>, hosting the sites set in <paramref name="configure"/>
    /// (declared in the silo's metadata, which <see cref="SitePlacementDirector"/> reads).
    /// </summary>
    public static ISiloBuilder AddVerdantCluster(this ISiloBuilder builder, ClusterWorkload workload,
        Action<VerdantClusterOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new VerdantClusterOptions();
        configure(options);
        builder.Services.AddSingleton(workload);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IEnergyCounter>(s => PowercapCounter.ForThisMachine(s.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<IValidateOptions<VerdantClusterOptions>, VerdantClusterOptionsValidator>();
        builder.Services.AddOptions<VerdantClusterOptions>().Configure(o =>
        {
            configure(o);
        }).ValidateOnStart();
        builder.UseSiloMetadata(new Dictionary<string, string> { [SitePlacement.MetadataKey] = string.Join(',', options.Sites) });
        builder.Services.AddPlacementDirector<SitePlacement, SitePlacementDirector>();
        return builder;
    }
}
