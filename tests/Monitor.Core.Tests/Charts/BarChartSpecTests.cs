using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

public sealed class BarChartSpecTests
{
    [Test]
    public void ListsTheItemsAsATableWithValuesFormattedAsInTheChart()
    {
        var spec = new BarChartSpec
        {
            Id = "voortgang",
            Title = "Voortgang per fase",
            Description = "Aandeel afgeronde activiteiten per fase.",
            Items = [new("Fase 1 – weten", 0.75), new("Fase 2 – begrijpen", 0.125)],
            ValueFormat = "0.#%",
        };

        var table = spec.ToTable();

        Assert.That(table.Caption, Is.EqualTo("Voortgang per fase"));
        Assert.That(table.Headers, Is.EqualTo(new[] { "Categorie", "Waarde" }));
        Assert.That(table.Rows, Is.EqualTo(new[]
        {
            new[] { "Fase 1 – weten", "75%" },
            new[] { "Fase 2 – begrijpen", "12,5%" },
        }));
    }
}
