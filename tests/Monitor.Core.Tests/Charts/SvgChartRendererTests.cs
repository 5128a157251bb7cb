using System.Globalization;
using System.Xml.Linq;
using Monitor.Core.Charts;

namespace Monitor.Core.Tests.Charts;

public sealed class SvgChartRendererTests
{
    private static readonly SvgChartRenderer _renderer = new();

    private static TimelineChartSpec Timeline(params TimelineBar[] bars) => new()
    {
        Id = "plan",
        Title = "Implementatieplan",
        Description = "Activiteiten per maand.",
        Bars = bars,
    };

    private static TimelineBar Bar(string label, string start, string end, string category = "gepland") =>
        new(label, DateOnly.Parse(start, CultureInfo.InvariantCulture), DateOnly.Parse(end, CultureInfo.InvariantCulture), category);

    private static BarChartSpec Bars(params double[] values) => new()
    {
        Id = "voortgang",
        Title = "Voortgang per fase",
        Description = "Aandeel afgeronde activiteiten per fase.",
        Items = [.. values.Select((value, i) => new BarChartItem($"Fase {i}", value))],
    };

    private static XElement Render(TimelineChartSpec spec) => ChartSvg.Parse(_renderer.Render(spec));

    private static XElement Render(BarChartSpec spec) => ChartSvg.Parse(_renderer.Render(spec));

    public sealed class TimelineChart
    {
        private static readonly TimelineChartSpec _year2021 = Timeline(
            Bar("Kick-off", "2021-01-11", "2021-01-29", "gereed"),
            Bar("Interviews", "2021-02-01", "2021-03-31", "bezig"),
            Bar("Pilot", "2021-06-01", "2021-09-15", "gepland"),
            Bar("Uitrol", "2021-10-01", "2021-12-31", "vervallen"));

        [Test]
        public void DrawsOneBarPerActivityTopToBottomInTheGivenOrder()
        {
            var bars = Render(_year2021).Bars();

            Assert.That(bars.Select(bar => bar.Text("data-label")), Is.EqualTo(new[] { "Kick-off", "Interviews", "Pilot", "Uitrol" }));
            Assert.That(bars.Select(bar => bar.Number("y")), Is.Ordered.Ascending.And.Unique);
        }

        [TestCase("gepland", "#8a94a8")]
        [TestCase("bezig", "#0b5cad")]
        [TestCase("gereed", "#2e7d4f")]
        [TestCase("vervallen", "#c9ced8")]
        public void FillsEachBarWithTheColourOfItsCategory(string category, string fill)
        {
            var bar = Render(_year2021).Bars().Single(bar => bar.Text("data-category") == category);

            Assert.That(bar.Text("fill"), Is.EqualTo(fill));
        }

        [Test]
        public void OutlinesCancelledActivitiesDashed()
        {
            var bars = Render(_year2021).Bars();

            Assert.That(bars.Select(bar => (string?)bar.Attribute("stroke-dasharray")), Is.EqualTo(new[] { null, null, null, "4 2" }));
        }

        [Test]
        public void UsesTheColoursOfACustomCategoryMap()
        {
            var spec = Timeline(Bar("Overleg", "2021-01-01", "2021-01-31", "extern")) with
            {
                Categories = new Dictionary<string, CategoryStyle> { ["extern"] = new("#7a3e9d") },
            };

            Assert.That(Render(spec).Bars().Single().Text("fill"), Is.EqualTo("#7a3e9d"));
        }

        [Test]
        public void MakesAThreeMonthBarAsWideAsThreeMonthsOfTheAxis()
        {
            var svg = Render(Timeline(Bar("Eerste kwartaal", "2021-01-01", "2021-03-31"), Bar("Rest", "2021-04-01", "2021-12-31")));
            var quarter = svg.Bars()[0];

            Assert.That(quarter.Number("x"), Is.EqualTo(svg.TickX("2021-01")).Within(0.01));
            Assert.That(quarter.Number("width"), Is.EqualTo(svg.TickX("2021-04") - svg.TickX("2021-01")).Within(0.02));
            Assert.That(quarter.Number("width") / (svg.TickX("2022-01") - svg.TickX("2021-01")), Is.EqualTo(90.0 / 365).Within(0.001));
        }

        [Test]
        public void PlacesABarStartingMidMonthProportionallyBetweenTheMonthTicks()
        {
            var svg = Render(Timeline(Bar("Jaar", "2021-01-01", "2021-12-31"), Bar("Halverwege juli", "2021-07-16", "2021-08-15")));
            var july = svg.TickX("2021-07");
            var august = svg.TickX("2021-08");

            Assert.That(svg.Bars()[1].Number("x"), Is.EqualTo(july + ((august - july) * 15 / 31)).Within(0.02));
            Assert.That(svg.Bars()[1].Number("width"), Is.EqualTo((august - july) * 31 / 31).Within(0.02));
        }

        [Test]
        public void KeepsAOneDayBarVisible()
        {
            var bar = Render(Timeline(Bar("Bijeenkomst", "2021-04-12", "2021-04-12"), Bar("Jaar", "2021-01-01", "2021-12-31"))).Bars()[0];

            Assert.That(bar.Number("width"), Is.GreaterThanOrEqualTo(2));
        }

        [Test]
        public void LabelsEveryMonthWithItsDutchShortName()
        {
            var svg = Render(_year2021);

            Assert.That(svg.WithClass("text", "month-label").Select(label => label.Value),
                Is.EqualTo(new[] { "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec" }));
            Assert.That(svg.WithClass("line", "tick"), Has.Count.EqualTo(13), "one tick per month plus the closing one");
        }

        [Test]
        public void ShowsTheYearAtTheFirstMonthAndAtEveryJanuary()
        {
            var years = Render(Timeline(Bar("Winter", "2021-11-15", "2022-02-10"))).WithClass("text", "year-label");

            Assert.That(years.Select(year => (year.Text("data-month"), year.Value)), Is.EqualTo(new[] { ("2021-11", "2021"), ("2022-01", "2022") }));
        }

        [TestCase("2022-12-31", 24, new[] { "jan", "feb", "mrt" })]
        [TestCase("2023-01-31", 9, new[] { "jan", "apr", "jul" })]
        [TestCase("2026-12-31", 24, new[] { "jan", "apr", "jul" })]
        [TestCase("2027-01-31", 13, new[] { "jan", "jul", "jan" })]
        public void LabelsFewerMonthsWhenTheAxisSpansMoreThanTwoYears(string end, int labels, string[] firstThree)
        {
            var svg = Render(Timeline(Bar("Lang", "2021-01-01", end)));
            var months = svg.WithClass("text", "month-label");

            Assert.That(months, Has.Count.EqualTo(labels));
            Assert.That(months.Take(3).Select(label => label.Value), Is.EqualTo(firstThree));
        }

        [TestCase("2021-07-01", 0)]
        [TestCase("2021-07-16", 15)]
        [TestCase("2021-07-31", 30)]
        public void DrawsTheTodayLineAtTheXOfItsDate(string today, int daysIntoJuly)
        {
            var svg = Render(_year2021 with { Today = DateOnly.Parse(today, CultureInfo.InvariantCulture) });
            var line = svg.WithClass("line", "today").Single();
            var july = svg.TickX("2021-07");
            var august = svg.TickX("2021-08");

            Assert.That(line.Number("x1"), Is.EqualTo(july + ((august - july) * daysIntoJuly / 31)).Within(0.02));
            Assert.That(line.Number("x2"), Is.EqualTo(line.Number("x1")));
            Assert.That(svg.WithClass("text", "today-label").Single().Shown(), Is.EqualTo("vandaag"));
        }

        [TestCase("2020-12-31")]
        [TestCase("2022-01-01")]
        public void LeavesOutTheTodayLineWhenTodayIsOutsideTheAxis(string today)
        {
            var svg = Render(_year2021 with { Today = DateOnly.Parse(today, CultureInfo.InvariantCulture) });

            Assert.That(svg.WithClass("line", "today"), Is.Empty);
        }

        [Test]
        public void DrawsPhaseBandsBehindTheBarsWithAlternatingFills()
        {
            var spec = _year2021 with
            {
                Bands =
                [
                    new("Fase 1", new(2021, 1, 1), new(2021, 3, 31)),
                    new("Fase 2", new(2021, 4, 1), new(2021, 6, 30)),
                    new("Fase 3", new(2021, 7, 1), new(2021, 12, 31)),
                ],
            };
            var svg = Render(spec);
            var drawn = svg.Descendants(ChartSvg.Svg + "rect").Select(rect => (string?)rect.Attribute("class")).ToList();
            var bands = svg.WithClass("rect", "band");

            Assert.That(drawn.LastIndexOf("band"), Is.LessThan(drawn.IndexOf("bar")));
            Assert.That(bands.Select(band => band.Text("data-label")), Is.EqualTo(new[] { "Fase 1", "Fase 2", "Fase 3" }));
            Assert.That(bands[0].Text("fill"), Is.Not.EqualTo(bands[1].Text("fill")));
            Assert.That(bands[2].Text("fill"), Is.EqualTo(bands[0].Text("fill")));
            Assert.That(bands[1].Number("x"), Is.EqualTo(svg.TickX("2021-04")).Within(0.01));
        }

        [Test]
        public void ShortensLongLabelsAndKeepsTheFullLabelAsTooltip()
        {
            const string Long = "Interviews met klantmanagers over de huidige werkwijze, de knelpunten en de wensen voor de keuzehulp";
            var svg = Render(Timeline(Bar(Long, "2021-01-01", "2021-02-28"), Bar("Kort", "2021-03-01", "2021-03-31")));
            var labels = svg.WithClass("text", "row-label");

            Assert.That(labels[0].Shown(), Does.EndWith("…").And.Length.LessThan(Long.Length));
            Assert.That(Long.StartsWith(labels[0].Shown().TrimEnd('…'), StringComparison.Ordinal), Is.True, "the start of the label");
            Assert.That(labels[0].Tooltip(), Is.EqualTo(Long));
            Assert.That(labels[1].Shown(), Is.EqualTo("Kort"));
            Assert.That(labels[1].Tooltip(), Is.Null);
            Assert.That(svg.Bars()[0].Text("data-label"), Is.EqualTo(Long));
        }

        [Test]
        public void ShowsALegendEntryPerCategoryInOrderOfFirstUse()
        {
            var svg = Render(Timeline(Bar("A", "2021-01-01", "2021-01-31", "bezig"), Bar("B", "2021-02-01", "2021-02-28", "gereed"), Bar("C", "2021-03-01", "2021-03-31", "bezig")));

            Assert.That(svg.WithClass("rect", "legend-swatch").Select(swatch => swatch.Text("data-category")), Is.EqualTo(new[] { "bezig", "gereed" }));
            Assert.That(svg.WithClass("text", "legend-label").Select(label => label.Value), Is.EqualTo(new[] { "bezig", "gereed" }));
        }

        [Test]
        public void RefusesABarThatEndsBeforeItStarts() =>
            Assert.That(() => _renderer.Render(Timeline(Bar("Achterstevoren", "2021-03-01", "2021-02-28"))),
                Throws.ArgumentException.With.Message.Contains("Achterstevoren"));

        [Test]
        public void RefusesABandThatEndsBeforeItStarts() =>
            Assert.That(() => _renderer.Render(_year2021 with { Bands = [new("Fase 1", new(2021, 3, 1), new(2021, 1, 1))] }),
                Throws.ArgumentException);

        [Test]
        public void RefusesACategoryWithoutStyle() =>
            Assert.That(() => _renderer.Render(Timeline(Bar("Onbekend", "2021-01-01", "2021-01-31", "Gepland"))),
                Throws.ArgumentException.With.Message.Contains("'Gepland'"));

        [TestCase("url(https://example.org/x.svg)")]
        [TestCase("red")]
        [TestCase("#12345")]
        [TestCase("#fff\" onload=\"x")]
        public void RefusesCategoryColoursThatAreNotHex(string colour)
        {
            var spec = Timeline(Bar("A", "2021-01-01", "2021-01-31", "x")) with
            {
                Categories = new Dictionary<string, CategoryStyle> { ["x"] = new(colour) },
            };

            Assert.That(() => _renderer.Render(spec), Throws.ArgumentException);
        }

        [Test]
        public void SaysGeenGegevensWithoutActivities()
        {
            var svg = Render(Timeline() with { Bands = [new("Fase 1", new(2021, 1, 1), new(2021, 3, 31))], Today = new DateOnly(2021, 2, 1) });

            Assert.That(svg.WithClass("text", "no-data").Single().Value, Is.EqualTo("Geen gegevens"));
            Assert.That(svg.Bars(), Is.Empty);
            Assert.That(svg.Element(ChartSvg.Svg + "title")!.Value, Is.EqualTo("Implementatieplan"));
        }
    }

    public sealed class BarChart
    {
        [Test]
        public void DrawsHorizontalBarsTopToBottomWithWidthsProportionalToTheValues()
        {
            var bars = Render(Bars(1, 0.75, 0.5, 0) with { Max = 1 }).Bars();

            Assert.That(bars.Select(bar => bar.Text("data-label")), Is.EqualTo(new[] { "Fase 0", "Fase 1", "Fase 2", "Fase 3" }));
            Assert.That(bars.Select(bar => bar.Number("y")), Is.Ordered.Ascending.And.Unique);
            Assert.That(bars.Select(bar => bar.Number("x")).Distinct().Count(), Is.EqualTo(1), "all bars start at the axis");
            var full = bars[0].Number("width");
            Assert.That(bars.Select(bar => bar.Number("width") / full), Is.EqualTo(new[] { 1, 0.75, 0.5, 0 }).Within(0.001));
        }

        [Test]
        public void DrawsVerticalBarsLeftToRightWithHeightsProportionalToTheValuesOnOneBaseline()
        {
            var bars = Render(Bars(4, 1, 2) with { Orientation = BarOrientation.Vertical }).Bars();

            Assert.That(bars.Select(bar => bar.Number("x")), Is.Ordered.Ascending.And.Unique);
            Assert.That(bars.Select(bar => bar.Number("y") + bar.Number("height")).Distinct().Count(), Is.EqualTo(1), "one baseline");
            var full = bars[0].Number("height");
            Assert.That(bars.Select(bar => bar.Number("height") / full), Is.EqualTo(new[] { 1, 0.25, 0.5 }).Within(0.001));
        }

        [Test]
        public void ScalesToTheLargestValueWhenNoMaxIsGiven() =>
            Assert.That(_renderer.Render(Bars(1, 4)), Is.EqualTo(_renderer.Render(Bars(1, 4) with { Max = 4 })));

        [Test]
        public void ScalesToTheGivenMax()
        {
            var half = Render(Bars(2) with { Max = 4 }).Bars().Single();
            var whole = Render(Bars(4)).Bars().Single();

            Assert.That(half.Number("width"), Is.EqualTo(whole.Number("width") / 2).Within(0.01));
        }

        [Test]
        public void DrawsValuesAboveTheMaxFullLengthButLabelsThemTruly()
        {
            var svg = Render(Bars(1.2, 1) with { Max = 1, ValueFormat = "0%" });

            Assert.That(svg.Bars()[0].Number("width"), Is.EqualTo(svg.Bars()[1].Number("width")));
            Assert.That(svg.WithClass("text", "value-label")[0].Value, Is.EqualTo("120%"));
        }

        [Test]
        public void DrawsEmptyBarsWhenAllValuesAreZero()
        {
            var svg = Render(Bars(0, 0));

            Assert.That(svg.Bars().Select(bar => bar.Number("width")), Is.EqualTo(new[] { 0, 0 }));
            Assert.That(svg.WithClass("text", "value-label").Select(label => label.Value), Is.EqualTo(new[] { "0", "0" }));
        }

        [TestCase(0.5, "0%", "50%")]
        [TestCase(0.125, "0.#%", "12,5%")]
        [TestCase(1, "0%", "100%")]
        [TestCase(3, "0", "3")]
        [TestCase(2.5, "0.##", "2,5")]
        [TestCase(1234.5, "#,##0.0", "1.234,5")]
        public void WritesValueLabelsInTheValueFormatWithDutchNotation(double value, string format, string label)
        {
            var svg = Render(Bars(value) with { ValueFormat = format });

            Assert.That(svg.WithClass("text", "value-label").Single().Value, Is.EqualTo(label));
            Assert.That(svg.Bars().Single().Tooltip(), Is.EqualTo($"Fase 0: {label}"));
        }

        [Test]
        public void WritesValueLabelsInTheGivenCulture()
        {
            var svg = Render(Bars(0.125) with { ValueFormat = "0.#%", Culture = CultureInfo.InvariantCulture });

            Assert.That(svg.WithClass("text", "value-label").Single().Value, Is.EqualTo("12.5%"));
        }

        [TestCase(BarOrientation.Horizontal)]
        [TestCase(BarOrientation.Vertical)]
        public void WritesOneValueLabelPerBarNextToIt(BarOrientation orientation)
        {
            var svg = Render(Bars(3, 1) with { Orientation = orientation });
            var labels = svg.WithClass("text", "value-label");

            Assert.That(labels.Select(label => label.Value), Is.EqualTo(new[] { "3", "1" }));
            if (orientation == BarOrientation.Horizontal)
            {
                Assert.That(labels.Select(label => label.Number("x")), Is.EqualTo(svg.Bars().Select(bar => bar.Number("x") + bar.Number("width") + 6)).Within(0.01));
            }
            else
            {
                Assert.That(labels.Select(label => label.Number("y")), Is.EqualTo(svg.Bars().Select(bar => bar.Number("y") - 6)).Within(0.01));
            }
        }

        [Test]
        public void UsesThePerBarColourAndTheDefaultBlueOtherwise()
        {
            var spec = Bars(1, 2) with { Items = [new("Open", 1, "#2e7d4f"), new("Dicht", 2)] };

            Assert.That(Render(spec).Bars().Select(bar => bar.Text("fill")), Is.EqualTo(new[] { "#2e7d4f", "#0b5cad" }));
        }

        [Test]
        public void WrapsLongCategoryLabelsOfVerticalBarsOverTwoLines()
        {
            var spec = Bars(1, 1, 1, 1, 1, 1) with { Orientation = BarOrientation.Vertical, Items = [.. Enumerable.Repeat(new BarChartItem("Fase 0 – ontwikkelen", 1), 6)] };
            var label = Render(spec).WithClass("text", "category-label")[0];

            Assert.That(label.Elements(ChartSvg.Svg + "tspan").Select(span => span.Value), Is.EqualTo(new[] { "Fase 0 –", "ontwikkelen" }));
            Assert.That(label.Tooltip(), Is.Null, "nothing was cut off");
        }

        [TestCase(-1)]
        [TestCase(double.NaN)]
        [TestCase(double.PositiveInfinity)]
        public void RefusesNegativeOrNonFiniteValues(double value) =>
            Assert.That(() => _renderer.Render(Bars(value)), Throws.ArgumentException);

        [TestCase(0)]
        [TestCase(-1)]
        [TestCase(double.NaN)]
        public void RefusesAMaxThatIsNotPositive(double max) =>
            Assert.That(() => _renderer.Render(Bars(1) with { Max = max }), Throws.ArgumentException);

        [Test]
        public void RefusesABarColourThatIsNotHex() =>
            Assert.That(() => _renderer.Render(Bars(1) with { Items = [new("A", 1, "url(#x)")] }), Throws.ArgumentException);

        [Test]
        public void SaysGeenGegevensWithoutItems()
        {
            var svg = Render(Bars());

            Assert.That(svg.WithClass("text", "no-data").Single().Value, Is.EqualTo("Geen gegevens"));
            Assert.That(svg.Bars(), Is.Empty);
        }
    }

    public sealed class Accessibility
    {
        private static IEnumerable<TestCaseData> Charts()
        {
            var timeline = Timeline(Bar("Kick-off", "2021-01-11", "2021-01-29", "gereed"), Bar("Pilot", "2021-06-01", "2021-09-15", "vervallen")) with
            {
                Bands = [new("Fase 1", new(2021, 1, 1), new(2021, 6, 30))],
                Today = new DateOnly(2021, 7, 1),
            };
            yield return new TestCaseData(_renderer.Render(timeline)).SetArgDisplayNames("timeline");
            yield return new TestCaseData(_renderer.Render(Timeline())).SetArgDisplayNames("empty timeline");
            yield return new TestCaseData(_renderer.Render(Bars(0.5, 1) with { ValueFormat = "0%" })).SetArgDisplayNames("horizontal bars");
            yield return new TestCaseData(_renderer.Render(Bars(0.5, 1) with { Orientation = BarOrientation.Vertical })).SetArgDisplayNames("vertical bars");
        }

        [TestCaseSource(nameof(Charts))]
        public void StartsWithTitleAndDescriptionThatLabelTheImage(string svg)
        {
            var root = ChartSvg.Parse(svg);
            var first = root.Elements().Take(2).ToList();

            Assert.That(root.Name, Is.EqualTo(ChartSvg.Svg + "svg"));
            Assert.That(root.Text("role"), Is.EqualTo("img"));
            Assert.That(first.Select(element => element.Name.LocalName), Is.EqualTo(new[] { "title", "desc" }));
            Assert.That(root.Text("aria-labelledby"), Is.EqualTo($"{first[0].Text("id")} {first[1].Text("id")}"));
            Assert.That(first.Select(element => element.Value), Has.All.Not.Empty);
            Assert.That(root.Text("viewBox"), Does.Match(@"^0 0 \d+(\.\d+)? \d+(\.\d+)?$"));
        }

        [TestCaseSource(nameof(Charts))]
        public void UsesNoScriptsInlineStylesOrExternalReferences(string svg)
        {
            var root = ChartSvg.Parse(svg);
            var names = root.DescendantsAndSelf().Select(element => element.Name.LocalName).Distinct();
            var attributes = root.DescendantsAndSelf().Attributes().ToList();

            Assert.That(names, Is.SubsetOf(new[] { "svg", "title", "desc", "g", "rect", "line", "text", "tspan" }));
            Assert.That(attributes.Select(attribute => attribute.Name.LocalName), Has.None.EqualTo("style").And.None.EqualTo("href").And.None.StartsWith("on"));
            Assert.That(attributes.Select(attribute => attribute.Value), Has.None.Contains("url("));
        }

        [TestCaseSource(nameof(Charts))]
        public void WritesTextInTheSystemFontAndColoursWithEnoughContrast(string svg)
        {
            var root = ChartSvg.Parse(svg);

            Assert.That(root.Text("font-family"), Does.StartWith("system-ui"));
            var backgrounds = root.WithClass("rect", "band").Select(band => band.Text("fill")).Append("#ffffff").ToList();
            foreach (var text in root.Descendants(ChartSvg.Svg + "text"))
            {
                Assert.That(backgrounds.Select(background => Contrast(text.Text("fill"), background)), Has.All.GreaterThanOrEqualTo(4.5), text.ToString());
            }
        }

        [Test]
        public void DerivesSafeIdsFromTheSpecIdSoChartsOnOnePageDoNotClash()
        {
            var first = ChartSvg.Parse(_renderer.Render(Timeline() with { Id = "plan 12/\"fase\"" }));
            var second = ChartSvg.Parse(_renderer.Render(Timeline() with { Id = "plan-13" }));
            var ids = first.Elements().Take(2).Concat(second.Elements().Take(2)).Select(element => element.Text("id")).ToList();

            Assert.That(ids, Has.All.Match("^[A-Za-z][A-Za-z0-9_-]*$"));
            Assert.That(ids, Is.Unique);
        }

        [Test]
        public void WritesUserTextAsTextNeverAsMarkup()
        {
            const string Hostile = "<script>alert('x')</script> & \"co\"";
            var spec = Timeline(Bar(Hostile, "2021-01-01", "2021-01-31")) with
            {
                Title = Hostile,
                Bands = [new(Hostile, new(2021, 1, 1), new(2021, 1, 31))],
            };
            var svg = _renderer.Render(spec);
            var root = ChartSvg.Parse(svg);

            Assert.That(svg, Does.Not.Contain("<script"));
            Assert.That(root.Descendants().Select(element => element.Name.LocalName), Has.None.EqualTo("script"));
            Assert.That(root.Element(ChartSvg.Svg + "title")!.Value, Is.EqualTo(Hostile));
            Assert.That(root.WithClass("text", "row-label").Single().Shown(), Is.EqualTo(Hostile));
            Assert.That(root.Bars().Single().Text("data-label"), Is.EqualTo(Hostile));
            Assert.That(root.WithClass("rect", "band").Single().Text("data-label"), Is.EqualTo(Hostile));
        }

        [Test]
        public void DropsControlCharactersThatXmlCannotCarry()
        {
            var root = ChartSvg.Parse(_renderer.Render(Bars(1) with { Items = [new("regel\u0001een\nregel twee", 1)] }));

            Assert.That(root.WithClass("text", "category-label").Single().Shown(), Is.EqualTo("regeleen regel twee"));
        }

        [Test]
        public void ProducesByteIdenticalOutputForEqualSpecs()
        {
            static string Once() => _renderer.Render(Timeline(
                Bar("Kick-off", "2021-01-11", "2021-01-29", "gereed"),
                Bar("Pilot", "2021-06-01", "2021-09-15", "bezig")) with
            {
                Bands = [new("Fase 1", new(2021, 1, 1), new(2021, 6, 30))],
                Today = new DateOnly(2021, 7, 1),
            });

            var first = Once();
            var second = Once();

            Assert.That(second, Is.EqualTo(first));
        }

        [Test]
        [SetCulture("nl-NL")]
        public void WritesNumbersTheSameWayUnderADutchCulture()
        {
            var dutch = _renderer.Render(Timeline(Bar("Pilot", "2021-06-01", "2021-09-15")));
            string invariant;
            var previous = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                invariant = _renderer.Render(Timeline(Bar("Pilot", "2021-06-01", "2021-09-15")));
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }

            Assert.That(dutch, Is.EqualTo(invariant));
            Assert.That(ChartSvg.Parse(dutch).Bars().Single().Text("x"), Does.Not.Contain(","));
            Assert.That(ChartSvg.Parse(dutch).Bars().Single().Text("width"), Does.Contain("."), "a fractional width, so a decimal comma would show");
        }

        private static double Contrast(string foreground, string background)
        {
            var (light, dark) = (Luminance(foreground), Luminance(background)) is var (a, b) && a > b ? (a, b) : (b, a);
            return (light + 0.05) / (dark + 0.05);
        }

        private static double Luminance(string hex)
        {
            static double Channel(string hex, int at)
            {
                var c = int.Parse(hex.AsSpan(at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
                return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
            }

            return (0.2126 * Channel(hex, 1)) + (0.7152 * Channel(hex, 3)) + (0.0722 * Channel(hex, 5));
        }
    }
}
