using Monitor.Core.Participation;
using Monitor.Web.Forms;

namespace Monitor.Web.Pages.Participation;

/// <summary>The one reading of a participation moment from a form or an API body, with Dutch messages per field.</summary>
internal static class ParticipationForm
{
    /// <summary>The draft, or null with the messages in <paramref name="input"/>.</summary>
    public static ParticipationDraft? ToDraft(FieldParser input, long? groupId, string? heldOn, string? level, string? party, string? asked, string? doneWithIt, string? fedBackOn)
    {
        ArgumentNullException.ThrowIfNull(input);
        var held = input.RequiredDate(heldOn, "heldOn", "de datum");
        var parsed = input.RequiredCode<ParticipationLevel>(level, "level", "trede van de participatieladder");
        var fed = input.Date(fedBackOn, "fedBackOn", "de datum van terugkoppeling");
        if (input.HasErrors)
        {
            return null;
        }

        return new ParticipationDraft
        {
            GroupId = groupId,
            HeldOn = held!.Value,
            Level = parsed!.Value,
            Party = party ?? "",
            Asked = asked ?? "",
            DoneWithIt = doneWithIt ?? "",
            FedBackOn = fed,
        };
    }
}
