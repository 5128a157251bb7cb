using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Core.Planning;

/// <summary>Writes and reads <see cref="YearMonth"/> as "yyyy-MM" in JSON.</summary>
public sealed class YearMonthJsonConverter : JsonConverter<YearMonth>
{
    public override YearMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        YearMonth.TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException("Een maand moet de vorm jjjj-mm hebben, bijvoorbeeld 2021-03.");

    public override void Write(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
