using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;
using Monitoring.Tests.Shared;

namespace Monitoring.BrowserTests.Support;

/// <summary>
/// One web application and one browser shared by every browser test: a fresh database seeded through the real CLI
/// (200 generated 镇巴县 households in 东风村 and 楮河村, three nights 2022-06-28 to 2022-06-30 under shaanxi-zhenba-2021, a
/// user per role), the real <c>monitoring service --no-scheduler</c> on a free loopback port, and Debian's chromium
/// driven by Playwright. <see cref="PageFor"/> gives a test a signed-in page in a context of its own.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime, IDisposable
{
    public const string County = "610728";
    public const string Town = "610728001";
    public const string Village = "610728001001";
    public const string OtherVillage = "610728001002";
    public static readonly DateOnly LastNight = new(2022, 6, 30);

    /// <summary>A 东风村 household whose case the seed takes up to the village's democratic review (next: the public notice).</summary>
    public const string NoticeHousehold = "610728-000037";

    /// <summary>A household of 楮河村 (another village of the same town).</summary>
    public const string OtherVillageHousehold = "610728-000150";

    private const string ChromiumPath = "/usr/bin/chromium";
    private readonly StringBuilder _serviceLog = new();
    private readonly Dictionary<string, string> _signedIn = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signInLock = new(1, 1);
    private TestDatabase? _database;
    private Process? _service;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";

    internal Cli Cli { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"浏览器测试需要 Debian 的 chromium（{ChromiumPath}）：apt-get install -y chromium fonts-noto-cjk（.ci/run 会安装）");
        }

        _database = new TestDatabase("monitoring_browser_");
        Cli = new Cli(_database.ConnectionString);
        await Task.Run(Seed).ConfigureAwait(false);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        _service = Cli.Start(_serviceLog, "service", "--no-scheduler", "--urls", BaseUrl);
        await WaitUntilLive().ConfigureAwait(false);

        _playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
        }).ConfigureAwait(false);
    }

    /// <summary>A page in a new browser context (own cookies), signed in as <paramref name="user"/>.</summary>
    public async Task<IPage> PageFor(DemoUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var state = await SignedInState(user).ConfigureAwait(false);
        var context = await Browser.NewContextAsync(Options(state)).ConfigureAwait(false);
        return await context.NewPageAsync().ConfigureAwait(false);
    }

    /// <summary>A page in a new browser context with nobody signed in.</summary>
    public async Task<IPage> AnonymousPage()
    {
        var context = await Browser.NewContextAsync(Options(null)).ConfigureAwait(false);
        return await context.NewPageAsync().ConfigureAwait(false);
    }

    /// <summary>Fills the login form and submits it.</summary>
    public static async Task SignIn(IPage page, string user, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("用户名").FillAsync(user).ConfigureAwait(false);
        await page.GetByLabel("密码").FillAsync(password).ConfigureAwait(false);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync().ConfigureAwait(false);
    }

    public string Url(string path) => BaseUrl + path;

    /// <summary>What the service wrote to stdout/stderr, for failure messages.</summary>
    public string ServiceLog()
    {
        lock (_serviceLog)
        {
            return _serviceLog.ToString();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync().ConfigureAwait(false);
        }

        _playwright?.Dispose();
        if (_service is { HasExited: false })
        {
            _service.Kill(entireProcessTree: true);
            await _service.WaitForExitAsync().ConfigureAwait(false);
        }

        _service?.Dispose();
    }

    /// <summary>Drops the database (after <see cref="DisposeAsync"/> stopped the service that used it).</summary>
    public void Dispose()
    {
        _database?.Dispose();
        _signInLock.Dispose();
    }

    private IBrowser Browser => _browser ?? throw new InvalidOperationException("browser not started");

    private static BrowserNewContextOptions Options(string? storageState) => new()
    {
        Locale = "zh-CN",
        TimezoneId = "Asia/Shanghai",
        ViewportSize = new() { Width = 1280, Height = 900 },
        StorageState = storageState,
    };

    private async Task<string> SignedInState(DemoUser user)
    {
        await _signInLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_signedIn.TryGetValue(user.Name, out var state))
            {
                return state;
            }

            var context = await Browser.NewContextAsync(Options(null)).ConfigureAwait(false);
            var page = await context.NewPageAsync().ConfigureAwait(false);
            await page.GotoAsync(Url("/Account/Login")).ConfigureAwait(false);
            await SignIn(page, user.Name, user.Password).ConfigureAwait(false);
            await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase)).ConfigureAwait(false);
            state = await context.StorageStateAsync().ConfigureAwait(false);
            await context.CloseAsync().ConfigureAwait(false);
            _signedIn[user.Name] = state;
            return state;
        }
        finally
        {
            _signInLock.Release();
        }
    }

    private void Seed()
    {
        var households = Path.Combine(Path.GetTempPath(), $"{_database!.Name}.jsonl");
        try
        {
            Cli.Run(null, "generate", "--households", "200", "--seed", "20220630", "--as-of", "2022-06-28", "--output", households);
            Cli.Run(null, "migrate");
            Cli.Run(null, "import", "--input", households, "--as-of", "2022-06-28");
            Cli.Run(null, "case", "open", "--household", NoticeHousehold, "--date", "2022-06-20", "--as-of", "2022-06-28");
            foreach (var step in new[] { "warning_notice", "home_verification", "consent", "data_comparison", "village_review" })
            {
                Cli.Run(null, "case", "step", "--step", step, "--household", NoticeHousehold, "--date", "2022-06-22", "--as-of", "2022-06-28");
            }
            foreach (var night in new[] { "2022-06-28", "2022-06-29", "2022-06-30" })
            {
                Cli.Run(null, "run-nightly", "--as-of", night, "--profile", "shaanxi-zhenba-2021");
            }

        }
        finally
        {
            File.Delete(households);
        }

        foreach (var user in DemoUser.All)
        {
            Cli.Run(user.Password + "\n", "users", "add", "--user", user.Name, "--role", user.Role, "--area", user.Area, "--password-stdin");
        }
    }

    private async Task WaitUntilLive()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_service!.HasExited)
            {
                throw new InvalidOperationException($"monitoring service exited {_service.ExitCode}: {ServiceLog()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url("/health/live"))).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250).ConfigureAwait(false);
        }

        throw new TimeoutException($"monitoring service did not answer /health/live in 90 s: {ServiceLog()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
