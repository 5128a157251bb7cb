namespace Monitor.Core.Effects.Statistics;

/// <summary>
/// The alternative hypothesis, chosen before the data are seen and stored with the analysis (seed 000 tested one-sided):
/// two-sided, or the first group (or the post measurement) greater or less than the second (or the pre measurement).
/// </summary>
public enum Sidedness
{
    Tweezijdig,
    Groter,
    Kleiner,
}
