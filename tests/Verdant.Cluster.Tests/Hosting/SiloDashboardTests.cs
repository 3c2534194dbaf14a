using System.Globalization;
using Microsoft.Extensions.Hosting;
using Verdant.Cluster.Hosting;
using Verdant.Cluster.Options;

namespace Verdant.Cluster.Tests.Hosting;

[Trait("Category", "Cluster")]
public class SiloDashboardTests
{
    [Fact]
    public async Task Silo_WithDashboardPort_ServesTheOrleansDashboard()
    {
        int[] ports = LoopbackPorts.Free(3);
        var membership = new ClusterMembership(MembershipKind.Localhost, null, ports[0], [ports[1]]);
        using IHost silo = VerdantHosts.Silo(ClusterScenarios.Workload(ClusterScenarios.Small("all")), ClusterScenarios.SiteNames,
            membership, ports[0], ports[1], dashboardPort: ports[2]);
        await silo.StartAsync();
        try
        {
            using var http = new HttpClient();
            using HttpResponseMessage page = await http.GetAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{ports[2]}/")));

            Assert.True(page.IsSuccessStatusCode, page.StatusCode.ToString());
            Assert.Contains("<title>Orleans Dashboard</title>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await silo.StopAsync();
        }
    }
}
