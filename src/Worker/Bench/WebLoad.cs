using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Monitoring.Worker.Bench;

/// <summary>
/// A bounded load run against a running <c>monitoring service</c> on this machine: each virtual user signs in through
/// <c>POST /api/v1/login</c> with its own cookie jar, then until the duration ends alternates between its area's review
/// list (API and page) and the household pages (API and page) of households on that list. Every response is read to
/// its end; a status other than 200, or a transport failure, counts as an error. The run stops by itself.
/// </summary>
public sealed class WebLoad
{
    private readonly Uri _baseAddress;
    private readonly IReadOnlyList<(string User, string Password, string Area)> _users;
    private readonly TimeSpan _duration;

    public WebLoad(Uri baseAddress, IReadOnlyList<(string User, string Password, string Area)> users, TimeSpan duration)
    {
        if (!baseAddress.IsLoopback)
        {
            throw new ArgumentException("负载测试只允许指向本机地址（127.0.0.1 / localhost）", nameof(baseAddress));
        }

        _baseAddress = baseAddress;
        _users = users;
        _duration = duration;
    }

    /// <summary>Page paths (relative) that show a review list and a household; {area} and {id} are replaced.</summary>
    public string ReviewPage { get; init; } = "/review?area={area}";

    public string HouseholdPage { get; init; } = "/households/{id}";

    public async Task<IReadOnlyList<WebLoadResult>> RunAsync(CancellationToken cancellationToken)
    {
        var samples = new ConcurrentDictionary<string, ConcurrentBag<double>>(StringComparer.Ordinal);
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(_duration);
        var tasks = _users.Select((user, index) => Task.Run(async () =>
        {
            try
            {
                await UserLoopAsync(user, index, samples, errors, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // the run's end, not an error
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        return [.. samples.Keys.Union(errors.Keys).Order(StringComparer.Ordinal).Select(kind =>
            new WebLoadResult(kind, [.. (samples.TryGetValue(kind, out var bag) ? bag : []).Order()], errors.GetValueOrDefault(kind)))];
    }

    private async Task UserLoopAsync((string User, string Password, string Area) user, int index, ConcurrentDictionary<string, ConcurrentBag<double>> samples,
        ConcurrentDictionary<string, int> errors, CancellationToken stop)
    {
        // The service marks its cookie Secure; over loopback http the cookie is carried by hand, as a browser on
        // localhost would.
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = _baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var watch = Stopwatch.StartNew();
        using (var response = await client.PostAsJsonAsync(new Uri("/api/v1/login", UriKind.Relative), new { user = user.User, password = user.Password }, stop).ConfigureAwait(false))
        {
            if (response.StatusCode != HttpStatusCode.OK || !response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                errors.AddOrUpdate("login", 1, (_, n) => n + 1);
                return;
            }

            samples.GetOrAdd("login", _ => []).Add(watch.Elapsed.TotalMilliseconds);
            client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        }

        var random = new Random(index);
        var households = new List<string>();
        while (!stop.IsCancellationRequested)
        {
            var review = await TimedAsync("api review", () => client.GetAsync(new Uri($"/api/v1/review?area={user.Area}", UriKind.Relative), stop), samples, errors, stop).ConfigureAwait(false);
            if (review is not null)
            {
                using var document = JsonDocument.Parse(review);
                households = [.. document.RootElement.EnumerateArray().Select(row => row.GetProperty("householdId").GetString()!).Take(200)];
            }

            await TimedAsync("page review", () => client.GetAsync(new Uri(ReviewPage.Replace("{area}", user.Area, StringComparison.Ordinal), UriKind.Relative), stop), samples, errors, stop).ConfigureAwait(false);
            for (var i = 0; i < 4 && households.Count > 0 && !stop.IsCancellationRequested; i++)
            {
                var id = Uri.EscapeDataString(households[random.Next(households.Count)]);
                await TimedAsync("api household", () => client.GetAsync(new Uri($"/api/v1/households/{id}", UriKind.Relative), stop), samples, errors, stop).ConfigureAwait(false);
                await TimedAsync("page household", () => client.GetAsync(new Uri(HouseholdPage.Replace("{id}", id, StringComparison.Ordinal), UriKind.Relative), stop), samples, errors, stop).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends one request and records its latency (or an error); returns the body of a 200 response.</summary>
    private static async Task<string?> TimedAsync(string kind, Func<Task<HttpResponseMessage>> send, ConcurrentDictionary<string, ConcurrentBag<double>> samples,
        ConcurrentDictionary<string, int> errors, CancellationToken stop)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await send().ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(stop).ConfigureAwait(false);
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                errors.AddOrUpdate($"{kind}", 1, (_, n) => n + 1);
                return null;
            }

            samples.GetOrAdd(kind, _ => []).Add(watch.Elapsed.TotalMilliseconds);
            return body;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return null; // the run's end, not an error
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
            return null;
        }
    }
}
