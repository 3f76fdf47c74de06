using System.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Guichet.Platform.Mail;
using Guichet.Platform.Outbox;

namespace Guichet.Follow.Webhooks;

/// Sends one webhook from the outbox: a POST of the CloudEvent, signed as Standard Webhooks says
/// (webhook-id, webhook-timestamp, webhook-signature = "v1," + base64 HMAC-SHA256 of
/// "id.timestamp.body" under the receiver's secret), within Follow:Webhooks:TimeoutSeconds, without
/// following redirects. A 2xx is a success; anything else is retried by the outbox with its back-off.
/// A receiver failing for DisableAfterDays without a success is switched off; the admins get a
/// mail about a failing receiver at most once a day. This handler runs in the outbox round's scope,
/// so what it changes on the subscription is saved with the message's outcome.
internal sealed class WebhookDelivery(GuichetDb db, IHttpClientFactory http, TimeProvider time, IOptions<WebhookOptions> options,
    EventLog eventLog, Platform.Outbox.Outbox outbox, Texts texts, ILogger<WebhookDelivery> log) : IOutboxHandler
{
    public const string HttpClientName = "webhooks";

    public string Kind => WebhookDispatch.Kind;

    public static string Sign(byte[] key, string id, long timestamp, string body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        WebhookPayload? payload;
        try { payload = JsonSerializer.Deserialize<WebhookPayload>(message.Payload, JsonColumn.Options); }
        catch (JsonException e) { throw new OutboxPermanentFailure("The webhook in the outbox cannot be read.", e); }
        if (payload is null) throw new OutboxPermanentFailure("The webhook in the outbox is empty.");
        var s = await db.Set<WebhookSubscription>().FirstOrDefaultAsync(x => x.Id == payload.SubscriptionId, ct)
            ?? throw new OutboxPermanentFailure("The webhook subscription was deleted.");
        if (!s.Active) throw new OutboxPermanentFailure("The webhook subscription is switched off.");

        var now = time.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, s.Url);
        request.Content = new StringContent(payload.Body, Encoding.UTF8);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json") { CharSet = "utf-8" };
        request.Headers.Add("webhook-id", payload.WebhookId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", Sign(s.Key(), payload.WebhookId, timestamp, payload.Body));

        string? failure;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            failure = response.IsSuccessStatusCode ? null : $"The receiver answered {(int)response.StatusCode}.";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            failure = $"The receiver did not answer within {options.Value.TimeoutSeconds} s.";
        }
        catch (HttpRequestException e)
        {
            failure = $"The receiver could not be reached: {e.Message}";
        }
        if (failure is null)
        {
            s.Succeeded(now);
            return;
        }

        var disabled = s.Failed(now, TimeSpan.FromDays(options.Value.DisableAfterDays));
        if (disabled)
        {
            log.LogWarning("Webhook receiver {Host} failed since {Since} and is switched off.", new Uri(s.Url).Host, s.FailingSince);
            eventLog.Record("system:webhooks", FollowActivities.WebhookDisabled, [new("webhook-subscription", s.Id.ToString(), Role.Subject)],
                new Dictionary<string, object?> { ["host"] = new Uri(s.Url).Host, ["failures"] = s.Failures, ["failingSince"] = s.FailingSince });
        }
        if ((disabled || s.Failures >= 3) && s.MayAlert(now)) await AlertAsync(s, disabled, failure, ct);
        if (disabled) throw new OutboxPermanentFailure(failure + " The subscription is switched off.");
        throw new HttpRequestException(failure);
    }

    /// One mail to every admin, in the four languages (staff accounts have no language of their own).
    private async Task AlertAsync(WebhookSubscription s, bool disabled, string failure, CancellationToken ct)
    {
        var admins = (await db.Set<Platform.Identity.StaffUser>().AsNoTracking().Select(u => new { u.Email, u.Roles }).ToListAsync(ct))
            .Where(u => u.Roles.Split(',').Contains(Platform.Identity.Roles.Admin)).Select(u => new MailAddress(u.Email)).ToList();
        if (admins.Count == 0) return;
        var key = disabled ? "webhooks.alert.disabled" : "webhooks.alert.failing";
        var since = s.FailingSince!.Value.ToString("u", CultureInfo.InvariantCulture);
        outbox.EnqueueMail(new MailMessage
        {
            To = admins,
            Subject = string.Join(" / ", new[] { "fr", "nl" }.Select(l => string.Format(CultureInfo.InvariantCulture, texts.Get(l, "webhooks.alert.subject"), s.Url))),
            TextBody = string.Join("\n\n---\n\n", LocalizedText.Languages.Select(l =>
                string.Format(CultureInfo.InvariantCulture, texts.Get(l, key), s.Url, s.Failures, since, failure))),
            Headers = new Dictionary<string, string> { ["Auto-Submitted"] = "auto-generated" },
        }, PendingEvent.MailSent("webhook-alert"));
    }
}
