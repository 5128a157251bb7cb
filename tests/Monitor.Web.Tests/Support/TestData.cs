using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;

namespace Monitor.Web.Tests.Support;

/// <summary>Setting up and reading back test data: a POST that must create something, and one number from the database.</summary>
internal static class TestData
{
    /// <summary>Posts <paramref name="body"/> as JSON, asserts 201 Created and returns the new id.</summary>
    public static async Task<long> CreateAsync(this HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), $"POST {url}: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>The first column of the first row of <paramref name="sql"/>, read straight from the app's database.</summary>
    public static async Task<long> ScalarAsync(this MonitorWebFactory factory, string sql)
    {
        await using var connection = await factory.Services.GetRequiredService<MonitorDatabase>().OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
