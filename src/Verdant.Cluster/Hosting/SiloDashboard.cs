using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Verdant.Cluster.Hosting;

/// <summary>
/// The optional live view of a silo: the Orleans dashboard (Microsoft.Orleans.Dashboard, grain activations, calls and
/// latencies per method, silo counters), served over plain HTTP by ASP.NET Core inside the silo process.
/// </summary>
/// <remarks>
/// It listens on every interface and has no authentication: `--tls` does not cover it. Open its port only to a trusted
/// network (docs/cluster.md, security model).
/// </remarks>
internal static class SiloDashboard
{
    /// <summary>A web host builder that will serve the dashboard on <paramref name="port"/>.</summary>
    public static WebApplicationBuilder CreateBuilder(int port)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://0.0.0.0:{port}"));
        return builder;
    }

    /// <summary>Adds the dashboard's grains and counters to the silo.</summary>
    public static void AddTo(ISiloBuilder silo) => silo.AddDashboard();

    /// <summary>Builds the host and maps the dashboard at the site root.</summary>
    public static IHost Build(WebApplicationBuilder builder)
    {
        WebApplication app = builder.Build();
        app.MapOrleansDashboard();
        return app;
    }
}
