using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Monitoring.Worker.Bench;

/// <summary>
/// A bounded load run against a running <c>monitoring service</c> on this machine. Each virtual user signs in through
/// <c>POST /api/v1/login</c> with its own cookies, then until the duration ends browses as a person does: its village's
/// review list, first page mostly and now and then a later one (<see cref="LaterPageShare"/>), through the API
/// (<c>/api/v1/review?area=…&amp;page=N&amp;pageSize=50</c>) and the page (<c>/review?village=…&amp;p=N</c>), then a few
/// households of that page (API and page), pausing a think time (<see cref="ThinkTime"/> ± half of it, uniformly) between
/// requests. Every response is read to its end; a status other than 200 or a transport failure is an error, counted by
/// its cause (status code or exception type). The users sign in spread over <see cref="RampUp"/>; what is requested before
/// the ramp-up ends is reported apart (<see cref="RampUpKind"/>). The run stops by itself.
/// </summary>
public sealed class WebLoad
{
    private const int PageSize = 50;

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

    /// <summary>The mean pause between two requests of one user (each pause is uniform in [½, 1½] of it); zero: none.</summary>
    public TimeSpan ThinkTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The share of review-list visits that open a later page (2 to 10, within the list) instead of the first.</summary>
    public double LaterPageShare { get; init; } = 0.2;

    /// <summary>The users arrive (sign in) evenly spread over this time from the start, not all in the same second.</summary>
    public TimeSpan RampUp { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Households opened (API and page) from each review-list page visited.</summary>
    public int HouseholdsPerList { get; init; } = 3;

    /// <summary>The kind under which every request started while users are still arriving is reported (cold caches,
    /// connections being opened, sign-ins hashing passwords): apart, so the other kinds show the steady state.</summary>
    public const string RampUpKind = "(during ramp-up, all)";

    public async Task<IReadOnlyList<WebLoadResult>> RunAsync(CancellationToken cancellationToken)
    {
        var recorder = new Recorder(Stopwatch.StartNew(), RampUp);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(_duration);
        var tasks = _users.Select((user, index) => Task.Run(async () =>
        {
            try
            {
                await UserLoopAsync(user, index, recorder, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // the run's end, not an error
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(tasks).ConfigureAwait(false);
        return recorder.Results();
    }

    private async Task UserLoopAsync((string User, string Password, string Area) user, int index, Recorder recorder, CancellationToken stop)
    {
        // Cookies are carried by hand (whatever their Secure flag), as a browser on localhost would send them.
        using var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = _baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var random = new Random(index);
        await Task.Delay(RampUp * index / Math.Max(1, _users.Count), stop).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await client.PostAsJsonAsync(new Uri("/api/v1/login", UriKind.Relative), new { user = user.User, password = user.Password }, stop).ConfigureAwait(false);
            await response.Content.ReadAsStringAsync(stop).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK || !response.Headers.TryGetValues("Set-Cookie", out var cookies))
            {
                recorder.Error("login", $"HTTP {(int)response.StatusCode}");
                return;
            }

            recorder.Sample("login", watch.Elapsed.TotalMilliseconds, started: null);
            client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !stop.IsCancellationRequested)
        {
            recorder.Error("login", Cause(ex));
            return;
        }

        var pages = 1;
        while (!stop.IsCancellationRequested)
        {
            var page = pages > 1 && random.NextDouble() < LaterPageShare ? random.Next(2, Math.Min(pages, 10) + 1) : 1;
            var suffix = page == 1 ? "" : " (page 2+)";
            var area = Uri.EscapeDataString(user.Area);
            var (body, headers) = await TimedAsync("api review" + suffix, client,
                $"/api/v1/review?area={area}&page={page}&pageSize={PageSize}", recorder, stop).ConfigureAwait(false);
            var households = new List<string>();
            if (body is not null)
            {
                using var document = JsonDocument.Parse(body);
                households = [.. document.RootElement.EnumerateArray().Select(row => row.GetProperty("householdId").GetString()!)];
                if (headers?.TryGetValues("X-Total-Count", out var total) == true && long.TryParse(total.First(), CultureInfo.InvariantCulture, out var count))
                {
                    pages = (int)Math.Max(1, (count + PageSize - 1) / PageSize);
                }
            }

            await ThinkAsync(random, stop).ConfigureAwait(false);
            await TimedAsync("page review" + suffix, client, $"/review?village={area}&p={page}", recorder, stop).ConfigureAwait(false);
            for (var i = 0; i < HouseholdsPerList && households.Count > 0 && !stop.IsCancellationRequested; i++)
            {
                var id = Uri.EscapeDataString(households[random.Next(households.Count)]);
                await ThinkAsync(random, stop).ConfigureAwait(false);
                await TimedAsync("api household", client, $"/api/v1/households/{id}", recorder, stop).ConfigureAwait(false);
                await ThinkAsync(random, stop).ConfigureAwait(false);
                await TimedAsync("page household", client, $"/households/{id}", recorder, stop).ConfigureAwait(false);
            }

            await ThinkAsync(random, stop).ConfigureAwait(false);
        }
    }

    private Task ThinkAsync(Random random, CancellationToken stop) =>
        ThinkTime <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(ThinkTime * (0.5 + random.NextDouble()), stop);

    /// <summary>Sends one GET and records its latency or its error's cause; returns the body and headers of a 200 response.</summary>
    private static async Task<(string? Body, System.Net.Http.Headers.HttpResponseHeaders? Headers)> TimedAsync(string kind, HttpClient client, string path, Recorder recorder,
        CancellationToken stop)
    {
        var watch = Stopwatch.StartNew();
        var started = recorder.Elapsed;
        try
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), stop).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(stop).ConfigureAwait(false);
            watch.Stop();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                recorder.Error(recorder.KindAt(kind, started), $"HTTP {(int)response.StatusCode}");
                return (null, null);
            }

            recorder.Sample(kind, watch.Elapsed.TotalMilliseconds, started);
            return (body, response.Headers);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return (null, null); // the run's end, not an error
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            recorder.Error(recorder.KindAt(kind, started), Cause(ex));
            return (null, null);
        }
    }

    private static string Cause(Exception ex) => ex switch
    {
        TaskCanceledException => "timeout (30 s)",
        HttpRequestException { HttpRequestError: var error } => $"{nameof(HttpRequestException)} {error}",
        _ => ex.GetType().Name,
    };

    /// <summary>Latencies and errors by kind of request, from every user at once; sign-ins are always their own kind.</summary>
    private sealed class Recorder(Stopwatch clock, TimeSpan rampUp)
    {
        private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _samples = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<(string Kind, string Cause), int> _errors = new();

        public TimeSpan Elapsed => clock.Elapsed;

        public string KindAt(string kind, TimeSpan started) => started < rampUp ? RampUpKind : kind;

        public void Sample(string kind, double milliseconds, TimeSpan? started) =>
            _samples.GetOrAdd(started is { } at ? KindAt(kind, at) : kind, _ => []).Add(milliseconds);

        public void Error(string kind, string cause) => _errors.AddOrUpdate((kind, cause), 1, (_, n) => n + 1);

        public IReadOnlyList<WebLoadResult> Results() =>
            [.. _samples.Keys.Union(_errors.Keys.Select(k => k.Kind)).Distinct().Order(StringComparer.Ordinal).Select(kind =>
                new WebLoadResult(kind, [.. (_samples.TryGetValue(kind, out var bag) ? bag : []).Order()],
                    _errors.Where(e => e.Key.Kind == kind).ToDictionary(e => e.Key.Cause, e => e.Value, StringComparer.Ordinal)))];
    }
}
