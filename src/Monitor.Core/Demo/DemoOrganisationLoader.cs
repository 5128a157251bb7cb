using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Networks;
using Monitor.Core.Participation;

namespace Monitor.Core.Demo;

/// <summary>
/// Loads how seed 003 organised the Keuzehulp project beyond its groups (Demo/demo-organisation.json): the demo learning
/// network with both demo projects and what each shares, and the cliëntenraad's participation moments (marked as
/// reconstructed). Through the stores, so each write has its audit; each part only while it is still empty.
/// </summary>
public sealed class DemoOrganisationLoader
{
    private static readonly JsonSerializerOptions _json = new() { PropertyNameCaseInsensitive = true };

    private readonly MonitorDatabase _database;
    private readonly NetworkStore _networks;
    private readonly ParticipationStore _participation;
    private readonly ILogger<DemoOrganisationLoader> _logger;

    public DemoOrganisationLoader(MonitorDatabase database, NetworkStore networks, ParticipationStore participation, ILogger<DemoOrganisationLoader> logger)
    {
        _database = database;
        _networks = networks;
        _participation = participation;
        _logger = logger;
    }

    /// <summary>Loads what is missing; returns the number of shares and moments written. Run after the demo findings and learning agenda.</summary>
    public async Task<int> LoadIfNeededAsync(CancellationToken cancellationToken = default)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Monitor.Core.Demo.demo-organisation.json")
            ?? throw new InvalidOperationException("The demo organisation file is missing from the assembly.");
        var set = JsonSerializer.Deserialize<DemoOrganisation>(stream, _json) ?? throw new InvalidOperationException("The demo organisation file is empty.");
        var written = await LoadNetworkAsync(set.Network, cancellationToken) + await LoadParticipationAsync(set.Participation, cancellationToken);
        if (written > 0)
        {
            _logger.LogInformation("Demo learning network and participation loaded: {Count} items", written);
        }

        return written;
    }

    private async Task<int> LoadNetworkAsync(DemoNetwork network, CancellationToken cancellationToken)
    {
        var actor = new Actor(null, "Projectleider (demo)");
        var existing = (await _networks.ListAsync(null, cancellationToken)).FirstOrDefault(n => n.Name == network.Name);
        var networkId = existing?.Id ?? await _networks.CreateAsync(network.Name, network.Description, isDemo: true, Actor.System, cancellationToken);
        if (existing is { IsDemo: false })
        {
            return 0; // a real network of that name: leave it alone
        }

        var written = 0;
        foreach (var slug in network.Projects)
        {
            if (await ProjectIdAsync(slug, cancellationToken) is { } projectId && existing?.Members.Any(m => m.ProjectId == projectId) != true)
            {
                await _networks.AddProjectAsync(networkId, projectId, Actor.System, cancellationToken);
            }
        }

        if ((await _networks.SharedItemsAsync(networkId, cancellationToken)).Count > 0)
        {
            return 0;
        }

        foreach (var share in network.Shares)
        {
            var kind = Codes.Parse<ShareKind>(share.Kind);
            if (await ProjectIdAsync(share.ProjectSlug, cancellationToken) is not { } projectId
                || await ItemIdAsync(projectId, kind, share.Title, cancellationToken) is not { } itemId)
            {
                continue; // the demo finding or lesson is not loaded (yet)
            }

            await _networks.ShareAsync(projectId, networkId, kind, itemId, actor, cancellationToken);
            written++;
        }

        return written;
    }

    private async Task<int> LoadParticipationAsync(DemoParticipation participation, CancellationToken cancellationToken)
    {
        if (await ProjectIdAsync(participation.ProjectSlug, cancellationToken) is not { } projectId
            || await _participation.ListAsync(projectId, cancellationToken) is not { Count: 0 })
        {
            return 0;
        }

        long? groupId;
        await using (var connection = await _database.OpenAsync(cancellationToken))
        {
            groupId = await connection.ScalarLongAsync(null, "SELECT id FROM project_groups WHERE project_id = @p AND name = @name;", cancellationToken,
                ("@p", projectId), ("@name", participation.GroupName));
        }

        var actor = new Actor(null, "Projectleider Werkzaak (demo, gereconstrueerd)");
        foreach (var moment in participation.Moments)
        {
            await _participation.CreateAsync(projectId, new ParticipationDraft
            {
                GroupId = groupId,
                HeldOn = DateOnly.Parse(moment.HeldOn, CultureInfo.InvariantCulture),
                Level = Codes.Parse<ParticipationLevel>(moment.Level),
                Party = moment.Party,
                Asked = moment.Asked,
                DoneWithIt = moment.DoneWithIt,
                FedBackOn = moment.FedBackOn is { } fed ? DateOnly.Parse(fed, CultureInfo.InvariantCulture) : null,
                Reconstructed = true,
            }, actor, cancellationToken);
        }

        return participation.Moments.Count;
    }

    private async Task<long?> ProjectIdAsync(string slug, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ScalarLongAsync(null, "SELECT id FROM projects WHERE slug = @slug AND is_demo = 1;", cancellationToken, ("@slug", slug));
    }

    private async Task<long?> ItemIdAsync(long projectId, ShareKind kind, string title, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ScalarLongAsync(null, kind == ShareKind.Bevinding
                ? "SELECT id FROM findings WHERE project_id = @p AND title = @title;"
                : "SELECT id FROM learning_items WHERE project_id = @p AND title = @title;",
            cancellationToken, ("@p", projectId), ("@title", title));
    }

    private sealed record DemoOrganisation(DemoNetwork Network, DemoParticipation Participation);

    private sealed record DemoNetwork(string Name, string Description, IReadOnlyList<string> Projects, IReadOnlyList<DemoShare> Shares);

    private sealed record DemoShare(string ProjectSlug, string Kind, string Title);

    private sealed record DemoParticipation(string ProjectSlug, string GroupName, IReadOnlyList<DemoMoment> Moments);

    private sealed record DemoMoment(string HeldOn, string Level, string Party, string Asked, string DoneWithIt, string? FedBackOn);
}
