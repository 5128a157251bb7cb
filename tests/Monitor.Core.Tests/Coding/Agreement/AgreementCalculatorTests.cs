using Monitor.Core.Coding.Agreement;
using static Monitor.Core.Tests.Coding.Agreement.AgreementSamples;

namespace Monitor.Core.Tests.Coding.Agreement;

public sealed class AgreementCalculatorTests
{
    private const double Tolerance = 1e-12;

    private static AgreementReport Compute(
        IReadOnlyList<AgreementDocument> documents,
        IEnumerable<AgreementSpan> spans,
        string[]? coders = null,
        string[]? codes = null,
        IReadOnlyDictionary<string, IReadOnlySet<long>>? assigned = null) =>
        AgreementCalculator.Compute(new AgreementInput(documents, coders ?? ["A", "B"], codes ?? ["X"], [.. spans], assigned));

    public sealed class CharacterLevel
    {
        [Test]
        public void ReproducesNVivoWorkedExample()
        {
            // NVivo help: 1000 characters, 50 coded by both, 150 by only one user, 800 by neither -> 85 %.
            // Here the 150 are coded by A only: A coded 200, B coded 50.
            // EF1 = 200·50/1000 = 10, EF2 = 800·950/1000 = 760, ΣEF = 770,
            // κ = (850 − 770) / (1000 − 770) = 80/230 = 0.347826…; Pe = 770/1000 = 0.77.
            var report = Compute(
                [SingleParagraph(1, 1000)],
                [new AgreementSpan(1, "X", "A", 0, 200), new AgreementSpan(1, "X", "B", 150, 200)]);

            var pair = report.PerCode[0].Characters[0];
            Assert.That(pair.CoderA, Is.EqualTo("A"));
            Assert.That(pair.CoderB, Is.EqualTo("B"));
            Assert.That(pair.TotalUnits, Is.EqualTo(1000));
            Assert.That(pair.BothCoded, Is.EqualTo(50));
            Assert.That(pair.OnlyA, Is.EqualTo(150));
            Assert.That(pair.OnlyB, Is.EqualTo(0));
            Assert.That(pair.Neither, Is.EqualTo(800));
            Assert.That(pair.PercentAgreement, Is.EqualTo(0.85).Within(Tolerance));
            Assert.That(pair.ExpectedAgreement, Is.EqualTo(0.77).Within(Tolerance));
            Assert.That(pair.Kappa, Is.EqualTo(80.0 / 230.0).Within(Tolerance));
            Assert.That(pair.Note, Is.Null);
        }

        [Test]
        public void ComputesKappaForPartlyOverlappingSpans()
        {
            // 100 characters; A codes 10–40 (30), B codes 20–50 (30): both 20, only A 10, only B 10, neither 60.
            // Po = 80/100 = 0.8; Pe = (30·30 + 70·70)/100² = 5800/10000 = 0.58; κ = 0.22/0.42 = 11/21.
            var report = Compute(
                [SingleParagraph(1, 100)],
                [new AgreementSpan(1, "X", "A", 10, 40), new AgreementSpan(1, "X", "B", 20, 50)]);

            var pair = report.PerCode[0].Characters[0];
            Assert.That((pair.BothCoded, pair.OnlyA, pair.OnlyB, pair.Neither), Is.EqualTo((20L, 10L, 10L, 60L)));
            Assert.That(pair.PercentAgreement, Is.EqualTo(0.8).Within(Tolerance));
            Assert.That(pair.ExpectedAgreement, Is.EqualTo(0.58).Within(Tolerance));
            Assert.That(pair.Kappa, Is.EqualTo(11.0 / 21.0).Within(Tolerance));
        }

        [Test]
        public void SumsOverDocumentsAndListsEachDocument()
        {
            // Doc 1 (100): A 0–50, B 0–50 -> both 50, neither 50. Doc 2 (100): A 0–100, B none -> only A 100.
            // Summed: both 50, only A 100, only B 0, neither 50; Po = 0.5; A = 150, B = 50, N = 200:
            // Pe = (150·50 + 50·150)/200² = 15000/40000 = 0.375; κ = 0.125/0.625 = 0.2.
            var report = Compute(
                [SingleParagraph(1, 100), SingleParagraph(2, 100)],
                [
                    new AgreementSpan(1, "X", "A", 0, 50), new AgreementSpan(1, "X", "B", 0, 50),
                    new AgreementSpan(2, "X", "A", 0, 100),
                ]);

            var pair = report.PerCode[0].Characters[0];
            Assert.That(pair.DocumentId, Is.Null);
            Assert.That((pair.BothCoded, pair.OnlyA, pair.OnlyB, pair.Neither), Is.EqualTo((50L, 100L, 0L, 50L)));
            Assert.That(pair.Kappa, Is.EqualTo(0.2).Within(Tolerance));
            Assert.That(pair.PerDocument.Select(d => d.DocumentId), Is.EqualTo(new long?[] { 1, 2 }));
            Assert.That(pair.PerDocument[0].Kappa, Is.EqualTo(1.0));
            Assert.That(pair.PerDocument[1].Kappa, Is.EqualTo(0.0));
            Assert.That(pair.PerDocument[1].Note, Is.EqualTo(AgreementNotes.ConstantCoder));
        }

        [Test]
        public void GivesKappaOneForIdenticalCoding()
        {
            var report = Compute(
                [SingleParagraph(1, 100)],
                [new AgreementSpan(1, "X", "A", 5, 30), new AgreementSpan(1, "X", "B", 5, 30)]);

            var pair = report.PerCode[0].Characters[0];
            Assert.That(pair.Kappa, Is.EqualTo(1.0));
            Assert.That(pair.PercentAgreement, Is.EqualTo(1.0));
            Assert.That(pair.Note, Is.Null);
        }

        [Test]
        public void GivesKappaOneWithNoteWhenNobodyCoded()
        {
            var report = Compute([SingleParagraph(1, 100)], []);

            var pair = report.PerCode[0].Characters[0];
            Assert.That(pair.Neither, Is.EqualTo(100));
            Assert.That(pair.ExpectedAgreement, Is.EqualTo(1.0));
            Assert.That(pair.Kappa, Is.EqualTo(1.0));
            Assert.That(pair.Note, Is.EqualTo("volledige overeenstemming; kans-correctie niet van toepassing"));
        }

        [Test]
        public void GivesKappaOneWithNoteWhenBothCodedEverything()
        {
            var report = Compute(
                [SingleParagraph(1, 40)],
                [new AgreementSpan(1, "X", "A", 0, 40), new AgreementSpan(1, "X", "B", 0, 20), new AgreementSpan(1, "X", "B", 20, 40)]);

            var pair = report.PerCode[0].Characters[0];
            Assert.That(pair.BothCoded, Is.EqualTo(40));
            Assert.That(pair.Kappa, Is.EqualTo(1.0));
            Assert.That(pair.Note, Is.EqualTo(AgreementNotes.FullAgreement));
        }

        [Test]
        public void GivesKappaZeroWhenOneCoderCodedEverythingAndTheOtherPart()
        {
            // A codes all 100, B codes 60: Po = 0.6, Pe = (100·60 + 0·40)/100² = 0.6, κ = 0 exactly.
            var report = Compute(
                [SingleParagraph(1, 100)],
                [new AgreementSpan(1, "X", "A", 0, 100), new AgreementSpan(1, "X", "B", 40, 100)]);

            var pair = report.PerCode[0].Characters[0];
            Assert.That(pair.PercentAgreement, Is.EqualTo(0.6).Within(Tolerance));
            Assert.That(pair.ExpectedAgreement, Is.EqualTo(0.6).Within(Tolerance));
            Assert.That(pair.Kappa, Is.EqualTo(0.0));
            Assert.That(pair.Note, Is.EqualTo(AgreementNotes.ConstantCoder));
        }

        [Test]
        public void GivesNullKappaWithoutUnits()
        {
            var report = Compute([new AgreementDocument(1, 0, [])], []);

            var pair = report.PerCode[0].Characters[0];
            Assert.That(pair.TotalUnits, Is.EqualTo(0));
            Assert.That(pair.Kappa, Is.Null);
            Assert.That((pair.PercentAgreement, pair.ExpectedAgreement), Is.EqualTo(((double?)null, (double?)null)), "nothing to agree on is not 0 %");
            Assert.That(pair.Note, Is.EqualTo(AgreementNotes.NoUnits));
            Assert.That(report.PerCode[0].Segments[0].Kappa, Is.Null);
            Assert.That(report.PerCode[0].Alpha.Alpha, Is.Null);
        }

        [Test]
        public void UnionsOverlappingSpansOfTheSameCoderAndCode()
        {
            // A: 0–30, 20–50, 25–35 and 50–60 (touching) -> 0–60 = 60 characters, not 30 + 30 + 10 + 10.
            // B: 0–60. Identical coverage -> κ = 1.
            var report = Compute(
                [SingleParagraph(1, 100)],
                [
                    new AgreementSpan(1, "X", "A", 20, 50), new AgreementSpan(1, "X", "A", 0, 30),
                    new AgreementSpan(1, "X", "A", 25, 35), new AgreementSpan(1, "X", "A", 50, 60),
                    new AgreementSpan(1, "X", "B", 0, 60),
                ]);

            var pair = report.PerCode[0].Characters[0];
            Assert.That((pair.BothCoded, pair.OnlyA, pair.OnlyB, pair.Neither), Is.EqualTo((60L, 0L, 0L, 40L)));
            Assert.That(pair.Kappa, Is.EqualTo(1.0));
        }

        [Test]
        public void IntersectsManyIntervalsOnBothSides()
        {
            // A: 0–10, 20–30, 40–50; B: 5–25, 45–60. Both = 5 + 5 + 5 = 15; A = 30, B = 35.
            var report = Compute(
                [SingleParagraph(1, 60)],
                [
                    new AgreementSpan(1, "X", "A", 0, 10), new AgreementSpan(1, "X", "A", 20, 30),
                    new AgreementSpan(1, "X", "A", 40, 50), new AgreementSpan(1, "X", "B", 5, 25),
                    new AgreementSpan(1, "X", "B", 45, 60),
                ]);

            var pair = report.PerCode[0].Characters[0];
            Assert.That((pair.BothCoded, pair.OnlyA, pair.OnlyB, pair.Neither), Is.EqualTo((15L, 15L, 20L, 10L)));
        }
    }

    public sealed class SegmentLevel
    {
        [Test]
        public void CountsParagraphsCodedByEachCoder()
        {
            // 10 paragraphs. A codes 1,2,3,4; B codes 3,4,5,6 -> both 2, only A 2, only B 2, neither 4.
            // Po = 6/10 = 0.6; Pe = (4·4 + 6·6)/10² = 0.52; κ = 0.08/0.48 = 1/6.
            var report = Compute(
                [TenCharacterParagraphs(1, 10)],
                [.. CodeParagraphs(1, "X", "A", 1, 2, 3, 4), .. CodeParagraphs(1, "X", "B", 3, 4, 5, 6)]);

            var pair = report.PerCode[0].Segments[0];
            Assert.That(pair.TotalUnits, Is.EqualTo(10));
            Assert.That((pair.BothCoded, pair.OnlyA, pair.OnlyB, pair.Neither), Is.EqualTo((2L, 2L, 2L, 4L)));
            Assert.That(pair.PercentAgreement, Is.EqualTo(0.6).Within(Tolerance));
            Assert.That(pair.ExpectedAgreement, Is.EqualTo(0.52).Within(Tolerance));
            Assert.That(pair.Kappa, Is.EqualTo(1.0 / 6.0).Within(Tolerance));
        }

        [Test]
        public void CountsAParagraphAsCodedWhenASpanOverlapsItPartly()
        {
            // A: 15–25 touches paragraph 1 (11–21) and 2 (22–32). B: 21–22 lies in the gap, 32–33 in the next gap.
            var report = Compute(
                [TenCharacterParagraphs(1, 4)],
                [new AgreementSpan(1, "X", "A", 15, 25), new AgreementSpan(1, "X", "B", 21, 22), new AgreementSpan(1, "X", "B", 32, 33)]);

            var pair = report.PerCode[0].Segments[0];
            Assert.That((pair.BothCoded, pair.OnlyA, pair.OnlyB, pair.Neither), Is.EqualTo((0L, 2L, 0L, 2L)));
        }

        [Test]
        public void SkipsEmptyParagraphsAsUnits()
        {
            var document = new AgreementDocument(1, 20, [new TextRange(0, 10), new TextRange(10, 10), new TextRange(11, 20)]);

            var report = Compute([document], [new AgreementSpan(1, "X", "A", 0, 5)]);

            Assert.That(report.PerCode[0].Segments[0].TotalUnits, Is.EqualTo(2));
        }
    }

    public sealed class Alpha
    {
        [Test]
        public void ComputesNominalAlphaWithMissingValuesByHand()
        {
            // Doc 1 (5 paragraphs, all three coders):   Doc 2 (2 paragraphs, C not assigned):
            //   A: 1 1 0 0 1                              A: 1 0
            //   B: 1 0 0 0 1                              B: 1 1
            //   C: 1 1 0 0 0
            // Doc 3 (1 paragraph) is assigned to A only: one value per unit, dropped.
            // Pairable values n = 15 + 4 = 19; ones n1 = 7 + 3 = 10, zeros n0 = 9.
            // o01 per unit = n1·n0/(m − 1): doc 1 units 2 and 5 give 2·1/2 = 1 each, doc 2 unit 2 gives 1·1/1 = 1 -> o01 = 3.
            // α = 1 − (n − 1)·o01 / (n0·n1) = 1 − 18·3/90 = 0.4.
            // Do = 2·o01/n = 6/19; De = 2·n0·n1 / (n(n − 1)) = 180/342.
            string[] coders = ["A", "B", "C"];
            var assigned = new Dictionary<string, IReadOnlySet<long>>
            {
                ["A"] = new HashSet<long> { 1, 2, 3 },
                ["B"] = new HashSet<long> { 1, 2 },
                ["C"] = new HashSet<long> { 1 },
            };
            var report = Compute(
                [TenCharacterParagraphs(1, 5), TenCharacterParagraphs(2, 2), TenCharacterParagraphs(3, 1)],
                [
                    .. CodeParagraphs(1, "X", "A", 0, 1, 4), .. CodeParagraphs(1, "X", "B", 0, 4), .. CodeParagraphs(1, "X", "C", 0, 1),
                    .. CodeParagraphs(2, "X", "A", 0), .. CodeParagraphs(2, "X", "B", 0, 1),
                    .. CodeParagraphs(3, "X", "A", 0),
                    // C codes a document that was not assigned to C: a missing value, not a 1.
                    .. CodeParagraphs(2, "X", "C", 1),
                ],
                coders,
                assigned: assigned);

            var alpha = report.PerCode[0].Alpha;
            Assert.That(alpha.Units, Is.EqualTo(7));
            Assert.That(alpha.PairableValues, Is.EqualTo(19));
            Assert.That(alpha.ObservedDisagreement, Is.EqualTo(6.0 / 19.0).Within(Tolerance));
            Assert.That(alpha.ExpectedDisagreement, Is.EqualTo(180.0 / 342.0).Within(Tolerance));
            Assert.That(alpha.Alpha, Is.EqualTo(0.4).Within(Tolerance));
            Assert.That(alpha.Note, Is.Null);

            // The same reliability data through the general nominal function.
            var general = KrippendorffAlpha.Nominal(
            [
                ["1", "1", "0", "0", "1", "1", "0", "1"],
                ["1", "0", "0", "0", "1", "1", "1", null],
                ["1", "1", "0", "0", "0", null, null, null],
            ]);
            Assert.That(general.Alpha, Is.EqualTo(0.4).Within(Tolerance));
        }

        [Test]
        public void GivesAlphaOneWithNoteWhenNobodyCoded()
        {
            var report = Compute([TenCharacterParagraphs(1, 3)], [], ["A", "B", "C"]);

            var alpha = report.PerCode[0].Alpha;
            Assert.That(alpha.PairableValues, Is.EqualTo(9));
            Assert.That(alpha.ExpectedDisagreement, Is.EqualTo(0.0));
            Assert.That(alpha.Alpha, Is.EqualTo(1.0));
            Assert.That(alpha.Note, Is.EqualTo(AgreementNotes.NoVariation));
        }

        [Test]
        public void GivesNullAlphaWithASingleCoder()
        {
            var report = Compute([TenCharacterParagraphs(1, 3)], CodeParagraphs(1, "X", "A", 1), ["A"]);

            Assert.That(report.PerCode[0].Characters, Is.Empty);
            Assert.That(report.PerCode[0].Alpha.Alpha, Is.Null);
            Assert.That(report.PerCode[0].Alpha.Note, Is.EqualTo("geen paarbare waarden"));
        }
    }

    public sealed class CodersAndAssignments
    {
        [Test]
        public void ReportsEveryPairOfThreeCoders()
        {
            // 4 paragraphs. A: 0,1; B: 0,1; C: 2.
            var report = Compute(
                [TenCharacterParagraphs(1, 4)],
                [.. CodeParagraphs(1, "X", "A", 0, 1), .. CodeParagraphs(1, "X", "B", 0, 1), .. CodeParagraphs(1, "X", "C", 2)],
                ["A", "B", "C"]);

            var segments = report.PerCode[0].Segments;
            Assert.That(segments.Select(p => (p.CoderA, p.CoderB)), Is.EqualTo(new[] { ("A", "B"), ("A", "C"), ("B", "C") }));
            Assert.That(segments[0].Kappa, Is.EqualTo(1.0));
            // A vs C: both 0, only A 2, only C 1, neither 1; Po = 1/4; Pe = (2·1 + 2·3)/16 = 0.5; κ = −0.25/0.5 = −0.5.
            Assert.That((segments[1].BothCoded, segments[1].OnlyA, segments[1].OnlyB, segments[1].Neither), Is.EqualTo((0L, 2L, 1L, 1L)));
            Assert.That(segments[1].Kappa, Is.EqualTo(-0.5).Within(Tolerance));
            Assert.That(segments[2].Kappa, Is.EqualTo(-0.5).Within(Tolerance));
        }

        [Test]
        public void SkipsDocumentsNotAssignedToBothCodersOfAPair()
        {
            // Doc 1 assigned to A and B; doc 2 only to A (B's spans there are ignored).
            var assigned = new Dictionary<string, IReadOnlySet<long>>
            {
                ["A"] = new HashSet<long> { 1, 2 },
                ["B"] = new HashSet<long> { 1 },
            };
            var report = Compute(
                [SingleParagraph(1, 100), SingleParagraph(2, 500)],
                [
                    new AgreementSpan(1, "X", "A", 0, 10), new AgreementSpan(1, "X", "B", 0, 10),
                    new AgreementSpan(2, "X", "A", 0, 400), new AgreementSpan(2, "X", "B", 0, 10),
                ],
                assigned: assigned);

            var pair = report.PerCode[0].Characters[0];
            Assert.That(pair.TotalUnits, Is.EqualTo(100));
            Assert.That(pair.Kappa, Is.EqualTo(1.0));
            Assert.That(pair.PerDocument.Select(d => d.DocumentId), Is.EqualTo(new long?[] { 1 }));
            Assert.That(report.Pooled.Characters[0].TotalUnits, Is.EqualTo(100));
        }

        [Test]
        public void TreatsACoderWithoutAssignmentEntryAsAssignedNothing()
        {
            var assigned = new Dictionary<string, IReadOnlySet<long>> { ["A"] = new HashSet<long> { 1 } };

            var report = Compute([SingleParagraph(1, 100)], [new AgreementSpan(1, "X", "B", 0, 10)], assigned: assigned);

            Assert.That(report.PerCode[0].Characters[0].TotalUnits, Is.EqualTo(0));
            Assert.That(report.PerCode[0].Characters[0].Kappa, Is.Null);
        }

        [Test]
        public void IgnoresSpansOfCodesAndCodersOutsideTheRound()
        {
            var report = Compute(
                [SingleParagraph(1, 100)],
                [
                    new AgreementSpan(1, "X", "A", 0, 10), new AgreementSpan(1, "X", "B", 0, 10),
                    new AgreementSpan(1, "Y", "A", 50, 90), new AgreementSpan(1, "X", "Z", 20, 90),
                ]);

            Assert.That(report.PerCode.Select(c => c.Code), Is.EqualTo(new[] { "X" }));
            Assert.That(report.PerCode[0].Characters[0].Kappa, Is.EqualTo(1.0));
        }
    }

    public sealed class Pooled
    {
        // 10 paragraphs, codes X and Y.
        // X: A codes 1,2,3,4; B codes 3,4,5,6 -> both 2, only A 2, only B 2, neither 4; Po = 0.6, Pe = 0.52.
        // Y: A and B code 0..4 -> both 5, neither 5; Po = 1, Pe = (25 + 25)/100 = 0.5.
        private static AgreementReport TwoCodes() => Compute(
            [TenCharacterParagraphs(1, 10)],
            [
                .. CodeParagraphs(1, "X", "A", 1, 2, 3, 4), .. CodeParagraphs(1, "X", "B", 3, 4, 5, 6),
                .. CodeParagraphs(1, "Y", "A", 0, 1, 2, 3, 4), .. CodeParagraphs(1, "Y", "B", 0, 1, 2, 3, 4),
            ],
            codes: ["X", "Y"]);

        [Test]
        public void PoolsSegmentKappaAfterDeVries()
        {
            // P̄o = (0.6 + 1)/2 = 0.8; P̄e = (0.52 + 0.5)/2 = 0.51; κ = 0.29/0.49.
            // (κ of the summed table would be (0.8 − 0.505)/0.495: a different number.)
            var pooled = TwoCodes().Pooled.Segments[0];

            Assert.That(pooled.TotalUnits, Is.EqualTo(20));
            Assert.That((pooled.BothCoded, pooled.OnlyA, pooled.OnlyB, pooled.Neither), Is.EqualTo((7L, 2L, 2L, 9L)));
            Assert.That(pooled.PercentAgreement, Is.EqualTo(0.8).Within(Tolerance));
            Assert.That(pooled.ExpectedAgreement, Is.EqualTo(0.51).Within(Tolerance));
            Assert.That(pooled.Kappa, Is.EqualTo(0.29 / 0.49).Within(Tolerance));
            Assert.That(pooled.Note, Is.EqualTo(AgreementNotes.PooledSegments));
        }

        [Test]
        [Description("issue #17: the pooled segment row of a coder who coded nothing lacked the note the per-code rows carry")]
        public void PooledSegmentRowOfACoderWhoCodedNothingCarriesTheConstantCoderNote()
        {
            var report = Compute([TenCharacterParagraphs(1, 10)], [.. CodeParagraphs(1, "X", "A", 1, 2), .. CodeParagraphs(1, "Y", "A", 3)], codes: ["X", "Y"]);

            Assert.That(report.PerCode.Select(c => c.Segments[0].Note), Is.All.EqualTo(AgreementNotes.ConstantCoder));
            Assert.That(report.Pooled.Segments[0].Kappa, Is.EqualTo(0.0));
            Assert.That(report.Pooled.Segments[0].Note, Is.EqualTo(AgreementNotes.PooledSegments + "; " + AgreementNotes.ConstantCoder));
        }

        [Test]
        public void PoolsCharacterCountsBySumming()
        {
            // Per code the character counts are 10 × the paragraph counts (paragraphs are 10 characters) plus the
            // 9 gap characters as neither: X: both 20, only A 20, only B 20, neither 49; Y: both 50, neither 59.
            // Summed: both 70, only A 20, only B 20, neither 108, N = 218; A = B = 90.
            // Pe = (90·90 + 128·128)/218²; κ = (178/218 − Pe)/(1 − Pe).
            var pooled = TwoCodes().Pooled.Characters[0];

            var pe = ((90.0 * 90) + (128.0 * 128)) / (218.0 * 218);
            Assert.That((pooled.BothCoded, pooled.OnlyA, pooled.OnlyB, pooled.Neither), Is.EqualTo((70L, 20L, 20L, 108L)));
            Assert.That(pooled.ExpectedAgreement, Is.EqualTo(pe).Within(Tolerance));
            Assert.That(pooled.Kappa, Is.EqualTo(((178.0 / 218) - pe) / (1 - pe)).Within(Tolerance));
            Assert.That(pooled.PerDocument, Has.Count.EqualTo(1));
        }

        [Test]
        public void PoolsAlphaOverAllParagraphCodeUnits()
        {
            // 20 units, 2 values each, n = 40; ones: X 8, Y 10 -> n1 = 18, n0 = 22; o01 = 4 disagreeing units × 1.
            // α = 1 − 39·4/(22·18).
            var alpha = TwoCodes().Pooled.Alpha;

            Assert.That(alpha.Units, Is.EqualTo(20));
            Assert.That(alpha.PairableValues, Is.EqualTo(40));
            Assert.That(alpha.Alpha, Is.EqualTo(1 - (39.0 * 4 / (22 * 18))).Within(Tolerance));
        }
    }

    public sealed class Validation
    {
        [TestCase(-1, 10)]
        [TestCase(90, 101)]
        [TestCase(50, 40)]
        public void RejectsSpansOutsideTheDocument(int start, int end)
        {
            var exception = Assert.Throws<ArgumentException>(
                () => Compute([SingleParagraph(7, 100)], [new AgreementSpan(7, "X", "A", start, end)]));

            Assert.That(exception!.Message, Does.Contain("document 7"));
            Assert.That(exception.Message, Does.Contain($"{start}–{end}"));
        }

        [Test]
        public void RejectsSpansOfUnknownDocuments()
        {
            var exception = Assert.Throws<ArgumentException>(
                () => Compute([SingleParagraph(7, 100)], [new AgreementSpan(8, "X", "A", 0, 1)]));

            Assert.That(exception!.Message, Does.Contain("document 8"));
        }

        [Test]
        public void RejectsParagraphsOutsideTheDocument()
        {
            var document = new AgreementDocument(3, 10, [new TextRange(0, 11)]);

            Assert.That(() => Compute([document], []), Throws.ArgumentException.With.Message.Contains("document 3"));
        }

        [Test]
        public void RejectsDuplicateCoders() =>
            Assert.That(() => Compute([SingleParagraph(1, 10)], [], ["A", "A"]), Throws.ArgumentException);
    }
}
