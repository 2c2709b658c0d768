// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/fipscodes.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace placard::io {

namespace {

struct FipsCode {
    std::string_view fips;
    std::string_view iso; ///< empty: no ISO 3166-1 country (an ocean, a disputed island)
};

// FIPS 10-4 country codes (public domain, US government) with their ISO 3166-1 alpha-2
// codes, in FIPS order. Kosovo has no ISO code; XK is the code in common use, as GeoNames.
constexpr auto kCodes = std::to_array<FipsCode>({
    {"AA", "AW"}, {"AC", "AG"}, {"AE", "AE"}, {"AF", "AF"}, {"AG", "DZ"}, {"AJ", "AZ"},
    {"AL", "AL"}, {"AM", "AM"}, {"AN", "AD"}, {"AO", "AO"}, {"AQ", "AS"}, {"AR", "AR"},
    {"AS", "AU"}, {"AT", ""},   {"AU", "AT"}, {"AV", "AI"}, {"AY", "AQ"}, {"BA", "BH"},
    {"BB", "BB"}, {"BC", "BW"}, {"BD", "BM"}, {"BE", "BE"}, {"BF", "BS"}, {"BG", "BD"},
    {"BH", "BZ"}, {"BK", "BA"}, {"BL", "BO"}, {"BM", "MM"}, {"BN", "BJ"}, {"BO", "BY"},
    {"BP", "SB"}, {"BQ", "UM"}, {"BR", "BR"}, {"BS", ""},   {"BT", "BT"}, {"BU", "BG"},
    {"BV", "BV"}, {"BX", "BN"}, {"BY", "BI"}, {"CA", "CA"}, {"CB", "KH"}, {"CD", "TD"},
    {"CE", "LK"}, {"CF", "CG"}, {"CG", "CD"}, {"CH", "CN"}, {"CI", "CL"}, {"CJ", "KY"},
    {"CK", "CC"}, {"CM", "CM"}, {"CN", "KM"}, {"CO", "CO"}, {"CQ", "MP"}, {"CR", ""},
    {"CS", "CR"}, {"CT", "CF"}, {"CU", "CU"}, {"CV", "CV"}, {"CW", "CK"}, {"CY", "CY"},
    {"DA", "DK"}, {"DJ", "DJ"}, {"DO", "DM"}, {"DQ", "UM"}, {"DR", "DO"}, {"DX", ""},
    {"EC", "EC"}, {"EG", "EG"}, {"EI", "IE"}, {"EK", "GQ"}, {"EN", "EE"}, {"ER", "ER"},
    {"ES", "SV"}, {"ET", "ET"}, {"EU", ""},   {"EZ", "CZ"}, {"FG", "GF"}, {"FI", "FI"},
    {"FJ", "FJ"}, {"FK", "FK"}, {"FM", "FM"}, {"FO", "FO"}, {"FP", "PF"}, {"FQ", "UM"},
    {"FR", "FR"}, {"FS", "TF"}, {"GA", "GM"}, {"GB", "GA"}, {"GG", "GE"}, {"GH", "GH"},
    {"GI", "GI"}, {"GJ", "GD"}, {"GK", "GG"}, {"GL", "GL"}, {"GM", "DE"}, {"GO", ""},
    {"GP", "GP"}, {"GQ", "GU"}, {"GR", "GR"}, {"GT", "GT"}, {"GV", "GN"}, {"GY", "GY"},
    {"GZ", "PS"}, {"HA", "HT"}, {"HK", "HK"}, {"HM", "HM"}, {"HO", "HN"}, {"HQ", "UM"},
    {"HR", "HR"}, {"HU", "HU"}, {"IC", "IS"}, {"ID", "ID"}, {"IM", "IM"}, {"IN", "IN"},
    {"IO", "IO"}, {"IP", ""},   {"IR", "IR"}, {"IS", "IL"}, {"IT", "IT"}, {"IV", "CI"},
    {"IZ", "IQ"}, {"JA", "JP"}, {"JE", "JE"}, {"JM", "JM"}, {"JN", "SJ"}, {"JO", "JO"},
    {"JQ", "UM"}, {"JU", ""},   {"KE", "KE"}, {"KG", "KG"}, {"KN", "KP"}, {"KQ", "UM"},
    {"KR", "KI"}, {"KS", "KR"}, {"KT", "CX"}, {"KU", "KW"}, {"KV", "XK"}, {"KZ", "KZ"},
    {"LA", "LA"}, {"LE", "LB"}, {"LG", "LV"}, {"LH", "LT"}, {"LI", "LR"}, {"LO", "SK"},
    {"LQ", "UM"}, {"LS", "LI"}, {"LT", "LS"}, {"LU", "LU"}, {"LY", "LY"}, {"MA", "MG"},
    {"MB", "MQ"}, {"MC", "MO"}, {"MD", "MD"}, {"MF", "YT"}, {"MG", "MN"}, {"MH", "MS"},
    {"MI", "MW"}, {"MJ", "ME"}, {"MK", "MK"}, {"ML", "ML"}, {"MN", "MC"}, {"MO", "MA"},
    {"MP", "MU"}, {"MQ", "UM"}, {"MR", "MR"}, {"MT", "MT"}, {"MU", "OM"}, {"MV", "MV"},
    {"MX", "MX"}, {"MY", "MY"}, {"MZ", "MZ"}, {"NC", "NC"}, {"NE", "NU"}, {"NF", "NF"},
    {"NG", "NE"}, {"NH", "VU"}, {"NI", "NG"}, {"NL", "NL"}, {"NN", "SX"}, {"NO", "NO"},
    {"NP", "NP"}, {"NR", "NR"}, {"NS", "SR"}, {"NU", "NI"}, {"NZ", "NZ"}, {"OD", "SS"},
    {"OS", ""},   {"PA", "PY"}, {"PC", "PN"}, {"PE", "PE"}, {"PF", ""},   {"PG", ""},
    {"PK", "PK"}, {"PL", "PL"}, {"PM", "PA"}, {"PO", "PT"}, {"PP", "PG"}, {"PS", "PW"},
    {"PU", "GW"}, {"QA", "QA"}, {"RE", "RE"}, {"RI", "RS"}, {"RM", "MH"}, {"RN", "MF"},
    {"RO", "RO"}, {"RP", "PH"}, {"RQ", "PR"}, {"RS", "RU"}, {"RW", "RW"}, {"SA", "SA"},
    {"SB", "PM"}, {"SC", "KN"}, {"SE", "SC"}, {"SF", "ZA"}, {"SG", "SN"}, {"SH", "SH"},
    {"SI", "SI"}, {"SL", "SL"}, {"SM", "SM"}, {"SN", "SG"}, {"SO", "SO"}, {"SP", "ES"},
    {"ST", "LC"}, {"SU", "SD"}, {"SV", "SJ"}, {"SW", "SE"}, {"SX", "GS"}, {"SY", "SY"},
    {"SZ", "CH"}, {"TB", "BL"}, {"TD", "TT"}, {"TE", ""},   {"TH", "TH"}, {"TI", "TJ"},
    {"TK", "TC"}, {"TL", "TK"}, {"TN", "TO"}, {"TO", "TG"}, {"TP", "ST"}, {"TS", "TN"},
    {"TT", "TL"}, {"TU", "TR"}, {"TV", "TV"}, {"TW", "TW"}, {"TX", "TM"}, {"TZ", "TZ"},
    {"UC", "CW"}, {"UG", "UG"}, {"UK", "GB"}, {"UP", "UA"}, {"US", "US"}, {"UV", "BF"},
    {"UY", "UY"}, {"UZ", "UZ"}, {"VC", "VC"}, {"VE", "VE"}, {"VI", "VG"}, {"VM", "VN"},
    {"VQ", "VI"}, {"VT", "VA"}, {"WA", "NA"}, {"WE", "PS"}, {"WF", "WF"}, {"WI", "EH"},
    {"WQ", "UM"}, {"WS", "WS"}, {"WZ", "SZ"}, {"YM", "YE"}, {"ZA", "ZM"}, {"ZI", "ZW"},
});

static_assert(std::is_sorted(kCodes.begin(), kCodes.end(),
                             [](const FipsCode &a, const FipsCode &b) { return a.fips < b.fips; }));

} // namespace

std::optional<QString> isoFromFips(QStringView fips)
{
    if (fips.size() != 2 || !fips[0].isLetter() || !fips[1].isLetter())
        return std::nullopt;
    const char key[2] = {char(fips[0].toUpper().unicode()), char(fips[1].toUpper().unicode())};
    const std::string_view wanted(key, 2);
    const auto it =
        std::lower_bound(kCodes.begin(), kCodes.end(), wanted,
                         [](const FipsCode &c, std::string_view value) { return c.fips < value; });
    if (it == kCodes.end() || it->fips != wanted)
        return std::nullopt;
    return QString::fromLatin1(it->iso.data(), qsizetype(it->iso.size()));
}

} // namespace placard::io
