using Guichet.Deliver;
using Guichet.Welcome.Appointments;
using Guichet.Welcome.Contacts;
using Guichet.Welcome.MailIntake;
using Guichet.Welcome.Open311;
using Guichet.Orient;
using Guichet.Platform;
using Guichet;
using Guichet.Cli;

// The same binary is the web platform and the command line (`guichet migrate`, `seed --demo`, ...).
if (Cli.IsCommand(args))
    return await Cli.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
    builder.WebHost.UseUrls("http://localhost:5080");

builder.Services.AddPlatform(builder.Configuration);
builder.Services.AddOrient();
builder.Services.AddDeliver();
builder.Services.AddContacts();
builder.Services.AddMailIntake();
builder.Services.AddAppointments();
builder.Services.AddOpen311();

var app = builder.Build();

app.UsePlatform();
app.MapPlatform();
app.MapOrient();
app.MapDeliver();
app.MapContacts();
app.MapAppointments();
app.MapOpen311();

await Setup.PrepareAsync(app.Services, app.Configuration, Console.Out);
await app.RunAsync();
return 0;

public partial class Program;
