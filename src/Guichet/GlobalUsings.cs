// The namespaces of the platform every stage stands on, and the framework parts nearly every
// file uses; a stage's own namespaces are imported where they are used.
global using System.Globalization;
global using System.Security.Claims;
global using System.Text.Json;
global using Guichet.Platform.Calendar;
global using Guichet.Platform.Data;
global using Guichet.Platform.EventLog;
global using Guichet.Platform.Identity;
global using Guichet.Platform.Localization;
global using Guichet.Platform.SecureLinks;
global using Guichet.Platform.Web;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
