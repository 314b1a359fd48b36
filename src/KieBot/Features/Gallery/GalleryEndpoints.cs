using KieBot.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace KieBot.Features.Gallery;

/// <summary>
/// The gallery's HTTP surface under <c>/gallery</c>: the app's static files, the API (every call carries the caller's
/// initData; see <see cref="GalleryAuth"/>) and the signed file links. Ids in a path are only ever looked up among the
/// caller's own generations: another user's id is 404, as an unknown one is.
/// </summary>
public static class GalleryEndpoints
{
    public static IEndpointRouteBuilder MapGallery(this IEndpointRouteBuilder app)
    {
        var root = GalleryOptions.Path;
        app.MapGet(root + "/", () => GalleryAssets.Serve("index.html"));
        foreach (var file in GalleryAssets.Files)
        {
            app.MapGet(root + "/" + file, () => GalleryAssets.Serve(file));
        }

        app.MapGet(GalleryLinks.Route, FileAsync);
        app.MapGet(root + "/api/me", (Func<HttpContext, Task<IResult>>)MeAsync);
        app.MapGet(root + "/api/items", PageAsync);
        app.MapGet(root + "/api/items/{id}", ItemAsync);
        app.MapPost(root + "/api/items/{id}/send", (string id, HttpContext c) => OnOwnAsync(c, id, (a, caller, g, ct) => a.ResendAsync(caller, g.Id, ct)));
        app.MapPost(root + "/api/items/{id}/repeat", (string id, HttpContext c) => OnOwnAsync(c, id, (a, caller, g, ct) => a.RepeatAsync(caller, g.Id, ct)));
        app.MapPost(root + "/api/items/{id}/follow-up", FollowUpAsync);
        app.MapPost(root + "/api/top-up", (Func<HttpContext, Task<IResult>>)TopUpAsync);
        return app;
    }

    private static async Task<IResult> MeAsync(HttpContext context)
    {
        var (caller, refusal) = await Services(context).GetRequiredService<GalleryAuth>().CheckAsync(context).ConfigureAwait(false);
        if (caller is null)
        {
            return refusal!;
        }

        var balance = await Services(context).GetRequiredService<IBotStore>().Ledger.GetBalanceAsync(caller.UserId, context.RequestAborted).ConfigureAwait(false);
        var me = new GalleryMe(caller.UserId, caller.Language, balance.Available.ToString(), balance.Reserved.ToString(), GalleryReader.Catalog(caller.Language));
        return Results.Json(me, GalleryJson.Default.GalleryMe);
    }

    private static async Task<IResult> PageAsync(HttpContext context, string? kind, string? model, string? after)
    {
        var (caller, refusal) = await Services(context).GetRequiredService<GalleryAuth>().CheckAsync(context).ConfigureAwait(false);
        if (caller is null)
        {
            return refusal!;
        }

        var page = await Services(context).GetRequiredService<GalleryReader>().PageAsync(caller, kind, model, after, context.RequestAborted).ConfigureAwait(false);
        return Results.Json(page, GalleryJson.Default.GalleryPage);
    }

    private static async Task<IResult> ItemAsync(HttpContext context, string id)
    {
        var (caller, refusal) = await Services(context).GetRequiredService<GalleryAuth>().CheckAsync(context).ConfigureAwait(false);
        if (caller is null)
        {
            return refusal!;
        }

        var item = await Services(context).GetRequiredService<GalleryReader>().ItemAsync(caller, id, context.RequestAborted).ConfigureAwait(false);
        return item is null ? Results.NotFound() : Results.Json(item, GalleryJson.Default.GalleryItem);
    }

    private static async Task<IResult> FollowUpAsync(HttpContext context, string id)
    {
        GalleryAction? action;
        try
        {
            action = await context.Request.ReadFromJsonAsync(GalleryJson.Default.GalleryAction, context.RequestAborted).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return Results.BadRequest();
        }

        var data = action?.Data;
        return await OnOwnAsync(context, id, async (actions, caller, generation, ct) =>
        {
            // Only a follow-up the item's page offers: the chat's own button data for this generation.
            var offered = await Services(context).GetRequiredService<GalleryReader>().ItemAsync(caller, generation.Id, ct).ConfigureAwait(false);
            return offered is not null && offered.FollowUps.Any(o => o.Data == data) ? await actions.PressAsync(caller, data!, ct).ConfigureAwait(false) : (bool?)null;
        }).ConfigureAwait(false);
    }

    private static async Task<IResult> TopUpAsync(HttpContext context)
    {
        var (caller, refusal) = await Services(context).GetRequiredService<GalleryAuth>().CheckAsync(context).ConfigureAwait(false);
        if (caller is null)
        {
            return refusal!;
        }

        var sent = await Services(context).GetRequiredService<GalleryActions>().TopUpAsync(caller, context.RequestAborted).ConfigureAwait(false);
        return Done(sent);
    }

    private static Task<IResult> OnOwnAsync(HttpContext context, string id, Func<GalleryActions, GalleryCaller, Generation, CancellationToken, Task<bool>> act) =>
        OnOwnAsync(context, id, async (a, caller, g, ct) => (bool?)await act(a, caller, g, ct).ConfigureAwait(false));

    private static async Task<IResult> OnOwnAsync(HttpContext context, string id, Func<GalleryActions, GalleryCaller, Generation, CancellationToken, Task<bool?>> act)
    {
        var (caller, refusal) = await Services(context).GetRequiredService<GalleryAuth>().CheckAsync(context).ConfigureAwait(false);
        if (caller is null)
        {
            return refusal!;
        }

        if (await Services(context).GetRequiredService<GalleryReader>().OwnAsync(caller, id, context.RequestAborted).ConfigureAwait(false) is not { } generation)
        {
            return Results.NotFound();
        }

        var sent = await act(Services(context).GetRequiredService<GalleryActions>(), caller, generation, context.RequestAborted).ConfigureAwait(false);
        return sent is { } done ? Done(done) : Results.NotFound();
    }

    private static IResult Done(bool sent) =>
        sent ? Results.Json(new GalleryDone(true), GalleryJson.Default.GalleryDone) : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> FileAsync(HttpContext context, string id, string part, string? e, string? s)
    {
        var links = Services(context).GetRequiredService<GalleryLinks>();
        if (!links.IsValid(id, part, e, s))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var generation = await Services(context).GetRequiredService<IBotStore>().Generations.GetAsync(id, context.RequestAborted).ConfigureAwait(false);
        return generation is not null && GalleryLinks.Target(generation, part) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var target) && target.Scheme is "https" or "http"
            ? Results.Redirect(target.AbsoluteUri)
            : Results.NotFound();
    }

    private static IServiceProvider Services(HttpContext context) => context.RequestServices;
}
