using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Monitoring.Rules.Codes;
using Monitoring.Store.Leads;

namespace Monitoring.Web.Pages.Farmers;

/// <summary>
/// 农户自主申报 (public, no sign-in): name, resident ID, mobile number, village (the store's villages), the difficulty
/// (<see cref="DomainLabels.DifficultyKinds"/>) and a description; stored as a lead for the village and answered with a
/// receipt number. Each field's problem is shown under it in plain Chinese. Antiforgery as every form; rate-limited per
/// client address (<c>SelfDeclaration</c> settings).
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(LeadService leads) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? IdNumber { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Village { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    public IReadOnlyList<PublicVillage> Villages { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public DeclarationReceipt? Receipt { get; private set; }

    public static IReadOnlyList<DomainCode> Kinds => DomainLabels.DifficultyKinds.Codes;

    public string? Error(string field) => Errors.TryGetValue(field, out var message) ? message : null;

    public void OnGet() => Villages = leads.Villages();

    public IActionResult OnPost()
    {
        Villages = leads.Villages();
        try
        {
            Receipt = leads.Declare(new SelfDeclaration(Name, IdNumber, Phone, Village, Kind, Description), HttpContext.Connection.RemoteIpAddress?.ToString());
            Name = IdNumber = Phone = Village = Kind = Description = null;
            return Page();
        }
        catch (DeclarationInvalidException ex)
        {
            Errors = ex.Problems;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
