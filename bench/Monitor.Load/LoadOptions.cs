using System.Globalization;

namespace Monitor.Load;

/// <summary>The command line of the load tool; every option has a default so a bare run drives the app on port 5090.</summary>
internal sealed record LoadOptions
{
    public required IReadOnlyList<Uri> Urls { get; init; }

    public required int Users { get; init; }

    public required TimeSpan Duration { get; init; }

    public required TimeSpan Warmup { get; init; }

    public required TimeSpan LoginTimeout { get; init; }

    public required IReadOnlyList<int> Pids { get; init; }

    public string? Out { get; init; }

    public required string LeaderEmail { get; init; }

    public required IReadOnlyList<string> ResearcherEmails { get; init; }

    public required string Password { get; init; }

    public const string Usage = """
        Gebruik: dotnet run -c Release --project bench/Monitor.Load -- [opties]
          --url http://127.0.0.1:5090   een draaiende app; herhaal of geef een kommalijst voor meer nodes (gebruikers om de beurt verdeeld)
          --users 50                    gelijktijdige virtuele gebruikers
          --duration 60s                meettijd (ms, s of m)
          --warmup 10s                  opwarmen na het inloggen van alle gebruikers, vóór de meting (niet meegeteld)
          --login-timeout 120s          hoe lang op het inloggen van alle gebruikers wordt gewacht
          --pid N                       proces-id van de server voor het piekgeheugen (herhaalbaar)
          --out results.md              schrijf de tabel als Markdown
          --leader projectleider@demo.example
          --researcher onderzoeker@demo.example,onderzoeker2@demo.example
          --password rivier-beslissen-2026
        """;

    /// <summary>Reads the arguments; throws <see cref="ArgumentException"/> with a Dutch message for anything it does not understand.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var urls = new List<Uri>();
        var pids = new List<int>();
        var researchers = new List<string>();
        int users = 50;
        TimeSpan duration = TimeSpan.FromSeconds(60), warmup = TimeSpan.FromSeconds(10), loginTimeout = TimeSpan.FromSeconds(120);
        string? output = null, leader = null, password = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Optie {name} mist een waarde.");
            switch (name)
            {
                case "--url":
                    urls.AddRange(List(value).Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"'{u}' is geen adres.")));
                    break;
                case "--users":
                    users = int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"--users {value}: geef een positief aantal.");
                    break;
                case "--duration":
                    duration = ParseDuration(value);
                    break;
                case "--warmup":
                    warmup = ParseDuration(value);
                    break;
                case "--login-timeout":
                    loginTimeout = ParseDuration(value);
                    break;
                case "--pid":
                    pids.AddRange(List(value).Select(p => int.TryParse(p, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : throw new ArgumentException($"--pid {p}: geen proces-id.")));
                    break;
                case "--out":
                    output = value;
                    break;
                case "--leader":
                    leader = value;
                    break;
                case "--researcher":
                    researchers.AddRange(List(value));
                    break;
                case "--password":
                    password = value;
                    break;
                default:
                    throw new ArgumentException($"Onbekende optie {name}.");
            }
        }

        return new LoadOptions
        {
            Urls = urls.Count > 0 ? urls : [new Uri("http://127.0.0.1:5090")],
            Users = users,
            Duration = duration,
            Warmup = warmup,
            LoginTimeout = loginTimeout,
            Pids = pids,
            Out = output,
            LeaderEmail = leader ?? "projectleider@demo.example",
            ResearcherEmails = researchers.Count > 0 ? researchers : ["onderzoeker@demo.example", "onderzoeker2@demo.example"],
            Password = password ?? "rivier-beslissen-2026",
        };
    }

    /// <summary>"60s", "2m", "500ms" or a bare number of seconds.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value * unit)
            : throw new ArgumentException($"'{text}' is geen duur; schrijf bijvoorbeeld 60s, 2m of 500ms.");
    }

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
