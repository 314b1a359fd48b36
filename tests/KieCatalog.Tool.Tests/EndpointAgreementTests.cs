using KieCatalog.Catalog;
using KieCatalog.Client;
using KieCatalog.Tool.Sources;

namespace KieCatalog.Tool.Tests;

/// <summary>The tool's list of endpoints the client follows is the SDK's table (the tool may not reference the SDK).</summary>
public sealed class EndpointAgreementTests
{
    [Fact]
    public void The_tool_follows_exactly_the_create_paths_of_the_client()
    {
        var client = KieEndpoints.All.Select(e => e.CreatePath).Order(StringComparer.Ordinal).ToList();
        var tool = Families.Followed.Order(StringComparer.Ordinal).ToList();

        Assert.Equal(client, tool);
    }

    [Fact]
    public void Each_endpoint_of_the_client_is_followed_under_its_own_family()
    {
        foreach (var endpoint in KieEndpoints.All)
        {
            var api = Families.ApiOf(endpoint.CreatePath);
            Assert.True(api is not null, $"{endpoint}: no catalog family for the path");
            Assert.True(Families.ClientFollows(api!, endpoint.CreatePath), $"{endpoint}: the tool says the client does not follow it");
            Assert.Equal(Wire(endpoint.Api), api);
        }
    }

    [Fact]
    public void Every_catalog_mode_is_on_an_endpoint_both_lists_follow()
    {
        foreach (var mode in Models.AllModes)
        {
            var endpoint = KieEndpoints.For(mode);
            Assert.True(endpoint is not null, $"{mode.Key}: the client has no endpoint for {mode.CreatePath ?? mode.Api.ToString()}");
            Assert.True(Families.ClientFollows(Wire(mode.Api), endpoint!.CreatePath), $"{mode.Key}: the tool does not follow {endpoint.CreatePath}");
        }
    }

    [Fact]
    public void A_create_path_outside_the_table_is_not_followed()
    {
        Assert.False(Families.ClientFollows("omni", "/api/v1/omni/generate"));
        Assert.False(Families.ClientFollows("suno", "/api/v1/generate/sounds"));
        Assert.False(Families.ClientFollows("veo", "/api/v1/generate/extend"));
    }

    /// <summary>The catalog's spelling of a family (<c>gpt4o-image</c>, <c>flux-kontext</c>, …).</summary>
    private static string Wire(ApiFamily api) => api switch
    {
        ApiFamily.Gpt4oImage => "gpt4o-image",
        ApiFamily.FluxKontext => "flux-kontext",
        _ => api.ToString().ToLowerInvariant(),
    };
}
