package org.counterspace.directory.curation;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.counterspace.directory.Cost;
import org.counterspace.directory.Point;
import org.counterspace.web.FieldErrorsShown;

/**
 * A curator's view of one service. {@code hours} is one opening per line, e.g.
 * "MO,TU,WE 09:00-17:00"; an address is kept when street, town and postcode are all given.
 */
@FieldErrorsShown
public record ServiceForm(
        @NotBlank(message = "{curate.form.name.required}") @Size(max = 300, message = "{curate.form.tooLong}") String name,
        @NotBlank(message = "{curate.form.organization.required}") @Size(max = 300, message = "{curate.form.tooLong}") String organization,
        @Size(max = 4000, message = "{curate.form.tooLong}") String description,
        @Size(max = 1000, message = "{curate.form.tooLong}") @Pattern(regexp = "^$|https?://\\S+", message = "{curate.form.url.invalid}") String url,
        @Size(max = 300, message = "{curate.form.tooLong}") @Email(message = "{curate.form.email.invalid}") String email,
        @Size(max = 60, message = "{curate.form.tooLong}") String phone,
        @Size(max = 60, message = "{curate.form.tooLong}") String text,
        @Size(max = 1000, message = "{curate.form.tooLong}") String fees,
        @Pattern(regexp = "free|paid|unknown", message = "{curate.form.cost.invalid}") String cost,
        @Size(max = 2000, message = "{curate.form.tooLong}") String eligibility,
        @Size(max = 2000, message = "{curate.form.tooLong}") String applicationProcess,
        @Size(max = 1000, message = "{curate.form.tooLong}") String accessibility,
        @Pattern(regexp = "all|young-people|adults", message = "{curate.form.invalid}") String ageGroup,
        List<String> channels,
        List<String> categories,
        @NotBlank(message = "{curate.form.country.invalid}") @Pattern(regexp = "[A-Z]{2}", message = "{curate.form.country.invalid}") String country,
        @Size(max = 100, message = "{curate.form.tooLong}") String region,
        @NotBlank(message = "{curate.form.timeZone.invalid}") @Size(max = 60, message = "{curate.form.tooLong}") String timeZone,
        @Size(max = 1000, message = "{curate.form.tooLong}") String hours,
        @Size(max = 300, message = "{curate.form.tooLong}") String street,
        @Size(max = 200, message = "{curate.form.tooLong}") String city,
        @Size(max = 40, message = "{curate.form.tooLong}") String postcode,
        @Size(max = 30, message = "{curate.form.tooLong}") String latitude,
        @Size(max = 30, message = "{curate.form.tooLong}") String longitude) {

    static ServiceForm empty() {
        return new ServiceForm(null, null, null, null, null, null, null, null, "unknown", null, null, null, "all",
                List.of(), List.of(), "GB", null, "Europe/London", null, null, null, null, null, null);
    }

    /** Free, paid or not known: a curator's word, which the importer also keeps. Not chosen is not known. */
    Cost costSaid() {
        return Cost.fromCode(cost).orElse(Cost.UNKNOWN);
    }

    /** Latitude and longitude when both are numbers on Earth, else null. */
    Point point() {
        try {
            if (latitude == null || latitude.isBlank() || longitude == null || longitude.isBlank()) {
                return null;
            }
            double lat = Double.parseDouble(latitude.strip());
            double lon = Double.parseDouble(longitude.strip());
            return Point.valid(lat, lon) ? new Point(lat, lon) : null;
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    public List<String> channelCodes() {
        return channels == null ? List.of() : channels;
    }

    public List<String> categoryCodes() {
        return categories == null ? List.of() : categories;
    }
}
