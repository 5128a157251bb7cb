using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitor.Core.Notifications;
using Monitor.Web.Security;

namespace Monitor.Web.Pages.Account;

/// <summary>The signed-in person's inbox: reminders and notices left by the scheduled jobs.</summary>
public sealed class NotificationsModel : PageModel
{
    private readonly NotificationStore _notifications;

    public NotificationsModel(NotificationStore notifications) => _notifications = notifications;

    public IReadOnlyList<Notification> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } id)
        {
            return Unauthorized();
        }

        Items = await _notifications.ListAsync(id, cancellationToken: cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } id)
        {
            return Unauthorized();
        }

        await _notifications.MarkAllReadAsync(id, cancellationToken);
        return LocalRedirect("/meldingen");
    }
}
