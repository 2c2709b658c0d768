// SPDX-License-Identifier: GPL-3.0-or-later
//
// gen_ccc — writes a large, deterministic CSV file shaped like the Crowd Counting
// Consortium's event data, for the import benchmark (tests/bench/run-benchmarks).
//
//   gen_ccc OUT.csv [--rows N] [--seed S]     (defaults: 1,000,000 rows, seed 1)
//
// The same rows and seed always give the same bytes. Every value is invented except the
// localities, which are real US places with their state and approximate coordinates.
// Plain C++ on purpose: one buffered writer, a xoshiro256** generator, no allocation per row.

#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace {

// --- random numbers ------------------------------------------------------------------

std::uint64_t splitmix64(std::uint64_t &state)
{
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

class Rng {
public:
    explicit Rng(std::uint64_t seed)
    {
        for (auto &word : m_s)
            word = splitmix64(seed);
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    // Uniform in [0, n) (Lemire's multiply-shift; the tiny bias is irrelevant here).
    std::uint32_t below(std::uint32_t n)
    {
        return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
    }
    // Uniform in [lo, hi].
    int between(int lo, int hi)
    {
        return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1)));
    }
    // True with probability num/den.
    bool chance(std::uint32_t num, std::uint32_t den) { return below(den) < num; }

    template<typename T, std::size_t N> const T &pick(const std::array<T, N> &items)
    {
        return items[below(static_cast<std::uint32_t>(N))];
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<std::uint64_t, 4> m_s{};
};

// --- output ----------------------------------------------------------------------------

class Writer {
public:
    explicit Writer(std::FILE *file)
        : m_file(file)
    {
        m_buffer.reserve(Capacity + 4096);
    }
    ~Writer() { flush(); }
    Writer(const Writer &) = delete;
    Writer &operator=(const Writer &) = delete;

    void raw(std::string_view text)
    {
        m_buffer.append(text);
        if (m_buffer.size() >= Capacity)
            flush();
    }
    void ch(char c) { m_buffer.push_back(c); }

    // A CSV field, quoted only when it needs it (RFC 4180).
    void field(std::string_view text)
    {
        if (text.find_first_of(",\"\n\r") == std::string_view::npos) {
            raw(text);
            return;
        }
        quoted(text);
    }
    // A CSV field that is always quoted, with inner quotes doubled.
    void quoted(std::string_view text)
    {
        m_buffer.push_back('"');
        std::size_t start = 0;
        for (std::size_t i = text.find('"'); i != std::string_view::npos;
             i = text.find('"', start)) {
            m_buffer.append(text.substr(start, i + 1 - start));
            m_buffer.push_back('"');
            start = i + 1;
        }
        m_buffer.append(text.substr(start));
        m_buffer.push_back('"');
        if (m_buffer.size() >= Capacity)
            flush();
    }
    void number(long long value)
    {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
        m_buffer.append(digits, static_cast<std::size_t>(end - digits));
    }
    // value / 10^decimals in fixed notation, e.g. fixed(-740060, 4) == "-74.0060".
    void fixed(long long value, int decimals)
    {
        if (value < 0) {
            m_buffer.push_back('-');
            value = -value;
        }
        long long scale = 1;
        for (int i = 0; i < decimals; ++i)
            scale *= 10;
        number(value / scale);
        m_buffer.push_back('.');
        long long fraction = value % scale;
        for (long long digit = scale / 10; digit > 0; digit /= 10) {
            m_buffer.push_back(static_cast<char>('0' + fraction / digit));
            fraction %= digit;
        }
    }
    void padded(int value, int width)
    {
        char digits[12];
        for (int i = width - 1; i >= 0; --i) {
            digits[i] = static_cast<char>('0' + value % 10);
            value /= 10;
        }
        m_buffer.append(digits, static_cast<std::size_t>(width));
    }

    bool flush()
    {
        if (!m_buffer.empty() &&
            std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size())
            m_failed = true;
        m_buffer.clear();
        return !m_failed;
    }
    bool failed() const { return m_failed; }

private:
    static constexpr std::size_t Capacity = 1 << 20;
    std::FILE *m_file;
    std::string m_buffer;
    bool m_failed = false;
};

// --- vocabulary ------------------------------------------------------------------------

struct Locality {
    std::string_view name;
    std::string_view state;
    double lat;
    double lon;
};

// Real US places, their state's postal code and approximate coordinates.
constexpr std::array localities = std::to_array<Locality>({
    {"New York", "NY", 40.7128, -74.0060},
    {"Los Angeles", "CA", 34.0522, -118.2437},
    {"Chicago", "IL", 41.8781, -87.6298},
    {"Houston", "TX", 29.7604, -95.3698},
    {"Phoenix", "AZ", 33.4484, -112.0740},
    {"Philadelphia", "PA", 39.9526, -75.1652},
    {"San Antonio", "TX", 29.4241, -98.4936},
    {"San Diego", "CA", 32.7157, -117.1611},
    {"Dallas", "TX", 32.7767, -96.7970},
    {"San Jose", "CA", 37.3382, -121.8863},
    {"Austin", "TX", 30.2672, -97.7431},
    {"Jacksonville", "FL", 30.3322, -81.6557},
    {"Fort Worth", "TX", 32.7555, -97.3308},
    {"Columbus", "OH", 39.9612, -82.9988},
    {"Charlotte", "NC", 35.2271, -80.8431},
    {"San Francisco", "CA", 37.7749, -122.4194},
    {"Indianapolis", "IN", 39.7684, -86.1581},
    {"Seattle", "WA", 47.6062, -122.3321},
    {"Denver", "CO", 39.7392, -104.9903},
    {"Washington", "DC", 38.9072, -77.0369},
    {"Boston", "MA", 42.3601, -71.0589},
    {"El Paso", "TX", 31.7619, -106.4850},
    {"Nashville", "TN", 36.1627, -86.7816},
    {"Detroit", "MI", 42.3314, -83.0458},
    {"Oklahoma City", "OK", 35.4676, -97.5164},
    {"Portland", "OR", 45.5152, -122.6784},
    {"Las Vegas", "NV", 36.1699, -115.1398},
    {"Memphis", "TN", 35.1495, -90.0490},
    {"Louisville", "KY", 38.2527, -85.7585},
    {"Baltimore", "MD", 39.2904, -76.6122},
    {"Milwaukee", "WI", 43.0389, -87.9065},
    {"Albuquerque", "NM", 35.0844, -106.6504},
    {"Tucson", "AZ", 32.2226, -110.9747},
    {"Fresno", "CA", 36.7378, -119.7871},
    {"Mesa", "AZ", 33.4152, -111.8315},
    {"Sacramento", "CA", 38.5816, -121.4944},
    {"Atlanta", "GA", 33.7490, -84.3880},
    {"Kansas City", "MO", 39.0997, -94.5786},
    {"Colorado Springs", "CO", 38.8339, -104.8214},
    {"Omaha", "NE", 41.2565, -95.9345},
    {"Raleigh", "NC", 35.7796, -78.6382},
    {"Miami", "FL", 25.7617, -80.1918},
    {"Long Beach", "CA", 33.7701, -118.1937},
    {"Virginia Beach", "VA", 36.8529, -75.9780},
    {"Oakland", "CA", 37.8044, -122.2712},
    {"Minneapolis", "MN", 44.9778, -93.2650},
    {"Tulsa", "OK", 36.1540, -95.9928},
    {"Tampa", "FL", 27.9506, -82.4572},
    {"Arlington", "TX", 32.7357, -97.1081},
    {"New Orleans", "LA", 29.9511, -90.0715},
    {"Wichita", "KS", 37.6872, -97.3301},
    {"Cleveland", "OH", 41.4993, -81.6944},
    {"Bakersfield", "CA", 35.3733, -119.0187},
    {"Aurora", "CO", 39.7294, -104.8319},
    {"Anaheim", "CA", 33.8366, -117.9143},
    {"Honolulu", "HI", 21.3069, -157.8583},
    {"Santa Ana", "CA", 33.7455, -117.8677},
    {"Riverside", "CA", 33.9806, -117.3755},
    {"Corpus Christi", "TX", 27.8006, -97.3964},
    {"Lexington", "KY", 38.0406, -84.5037},
    {"Stockton", "CA", 37.9577, -121.2908},
    {"Henderson", "NV", 36.0395, -114.9817},
    {"Saint Paul", "MN", 44.9537, -93.0900},
    {"St. Louis", "MO", 38.6270, -90.1994},
    {"Cincinnati", "OH", 39.1031, -84.5120},
    {"Pittsburgh", "PA", 40.4406, -79.9959},
    {"Greensboro", "NC", 36.0726, -79.7920},
    {"Anchorage", "AK", 61.2181, -149.9003},
    {"Plano", "TX", 33.0198, -96.6989},
    {"Lincoln", "NE", 40.8136, -96.7026},
    {"Orlando", "FL", 28.5383, -81.3792},
    {"Irvine", "CA", 33.6846, -117.8265},
    {"Newark", "NJ", 40.7357, -74.1724},
    {"Toledo", "OH", 41.6528, -83.5379},
    {"Durham", "NC", 35.9940, -78.8986},
    {"Chula Vista", "CA", 32.6401, -117.0842},
    {"Fort Wayne", "IN", 41.0793, -85.1394},
    {"Jersey City", "NJ", 40.7178, -74.0431},
    {"St. Petersburg", "FL", 27.7676, -82.6403},
    {"Laredo", "TX", 27.5306, -99.4803},
    {"Madison", "WI", 43.0731, -89.4012},
    {"Chandler", "AZ", 33.3062, -111.8413},
    {"Buffalo", "NY", 42.8864, -78.8784},
    {"Lubbock", "TX", 33.5779, -101.8552},
    {"Scottsdale", "AZ", 33.4942, -111.9261},
    {"Reno", "NV", 39.5296, -119.8138},
    {"Glendale", "AZ", 33.5387, -112.1860},
    {"Gilbert", "AZ", 33.3528, -111.7890},
    {"Winston-Salem", "NC", 36.0999, -80.2442},
    {"North Las Vegas", "NV", 36.1989, -115.1175},
    {"Norfolk", "VA", 36.8508, -76.2859},
    {"Chesapeake", "VA", 36.7682, -76.2875},
    {"Garland", "TX", 32.9126, -96.6389},
    {"Irving", "TX", 32.8140, -96.9489},
    {"Hialeah", "FL", 25.8576, -80.2781},
    {"Fremont", "CA", 37.5485, -121.9886},
    {"Boise", "ID", 43.6150, -116.2023},
    {"Richmond", "VA", 37.5407, -77.4360},
    {"Baton Rouge", "LA", 30.4515, -91.1871},
    {"Spokane", "WA", 47.6588, -117.4260},
    {"Des Moines", "IA", 41.5868, -93.6250},
    {"Tacoma", "WA", 47.2529, -122.4443},
    {"San Bernardino", "CA", 34.1083, -117.2898},
    {"Modesto", "CA", 37.6391, -120.9969},
    {"Fontana", "CA", 34.0922, -117.4350},
    {"Santa Clarita", "CA", 34.3917, -118.5426},
    {"Birmingham", "AL", 33.5186, -86.8104},
    {"Oxnard", "CA", 34.1975, -119.1771},
    {"Fayetteville", "NC", 35.0527, -78.8784},
    {"Moreno Valley", "CA", 33.9425, -117.2297},
    {"Rochester", "NY", 43.1566, -77.6088},
    {"Glendale", "CA", 34.1425, -118.2551},
    {"Huntington Beach", "CA", 33.6595, -117.9988},
    {"Salt Lake City", "UT", 40.7608, -111.8910},
    {"Grand Rapids", "MI", 42.9634, -85.6681},
    {"Amarillo", "TX", 35.2220, -101.8313},
    {"Yonkers", "NY", 40.9312, -73.8988},
    {"Aurora", "IL", 41.7606, -88.3201},
    {"Montgomery", "AL", 32.3792, -86.3077},
    {"Akron", "OH", 41.0814, -81.5190},
    {"Little Rock", "AR", 34.7465, -92.2896},
    {"Huntsville", "AL", 34.7304, -86.5861},
    {"Augusta", "GA", 33.4735, -82.0105},
    {"Columbus", "GA", 32.4610, -84.9877},
    {"Grand Prairie", "TX", 32.7460, -96.9978},
    {"Shreveport", "LA", 32.5252, -93.7502},
    {"Overland Park", "KS", 38.9822, -94.6708},
    {"Tallahassee", "FL", 30.4383, -84.2807},
    {"Mobile", "AL", 30.6954, -88.0399},
    {"Knoxville", "TN", 35.9606, -83.9207},
    {"Worcester", "MA", 42.2626, -71.8023},
    {"Providence", "RI", 41.8240, -71.4128},
    {"Fort Lauderdale", "FL", 26.1224, -80.1373},
    {"Chattanooga", "TN", 35.0456, -85.3097},
    {"Tempe", "AZ", 33.4255, -111.9400},
    {"Brownsville", "TX", 25.9017, -97.4975},
    {"Vancouver", "WA", 45.6387, -122.6615},
    {"Ontario", "CA", 34.0633, -117.6509},
    {"Santa Rosa", "CA", 38.4405, -122.7144},
    {"Eugene", "OR", 44.0521, -123.0868},
    {"Salem", "OR", 44.9429, -123.0351},
    {"Springfield", "MO", 37.2090, -93.2923},
    {"Pasadena", "CA", 34.1478, -118.1445},
    {"Sioux Falls", "SD", 43.5446, -96.7311},
    {"Peoria", "IL", 40.6936, -89.5890},
    {"Jackson", "MS", 32.2988, -90.1848},
    {"Alexandria", "VA", 38.8048, -77.0469},
    {"Hartford", "CT", 41.7658, -72.6734},
    {"New Haven", "CT", 41.3083, -72.9279},
    {"Bridgeport", "CT", 41.1865, -73.1952},
    {"Stamford", "CT", 41.0534, -73.5387},
    {"Syracuse", "NY", 43.0481, -76.1474},
    {"Albany", "NY", 42.6526, -73.7562},
    {"Ithaca", "NY", 42.4440, -76.5019},
    {"Savannah", "GA", 32.0809, -81.0912},
    {"Athens", "GA", 33.9519, -83.3576},
    {"Charleston", "SC", 32.7765, -79.9311},
    {"Columbia", "SC", 34.0007, -81.0348},
    {"Greenville", "SC", 34.8526, -82.3940},
    {"Asheville", "NC", 35.5951, -82.5515},
    {"Wilmington", "NC", 34.2257, -77.9447},
    {"Chapel Hill", "NC", 35.9132, -79.0558},
    {"Wilmington", "DE", 39.7391, -75.5398},
    {"Dover", "DE", 39.1582, -75.5244},
    {"Annapolis", "MD", 38.9784, -76.4922},
    {"Silver Spring", "MD", 38.9907, -77.0261},
    {"Frederick", "MD", 39.4143, -77.4105},
    {"Harrisburg", "PA", 40.2732, -76.8867},
    {"Allentown", "PA", 40.6084, -75.4902},
    {"Erie", "PA", 42.1292, -80.0851},
    {"Scranton", "PA", 41.4090, -75.6624},
    {"Lancaster", "PA", 40.0379, -76.3055},
    {"State College", "PA", 40.7934, -77.8600},
    {"Trenton", "NJ", 40.2206, -74.7597},
    {"Paterson", "NJ", 40.9168, -74.1718},
    {"Camden", "NJ", 39.9259, -75.1196},
    {"Princeton", "NJ", 40.3573, -74.6672},
    {"Atlantic City", "NJ", 39.3643, -74.4229},
    {"Cambridge", "MA", 42.3736, -71.1097},
    {"Springfield", "MA", 42.1015, -72.5898},
    {"Lowell", "MA", 42.6334, -71.3162},
    {"Northampton", "MA", 42.3251, -72.6412},
    {"Burlington", "VT", 44.4759, -73.2121},
    {"Montpelier", "VT", 44.2601, -72.5754},
    {"Concord", "NH", 43.2081, -71.5376},
    {"Manchester", "NH", 42.9956, -71.4548},
    {"Portsmouth", "NH", 43.0718, -70.7626},
    {"Portland", "ME", 43.6591, -70.2568},
    {"Augusta", "ME", 44.3106, -69.7795},
    {"Bangor", "ME", 44.8012, -68.7778},
    {"Ann Arbor", "MI", 42.2808, -83.7430},
    {"Lansing", "MI", 42.7325, -84.5555},
    {"Flint", "MI", 43.0125, -83.6875},
    {"Kalamazoo", "MI", 42.2917, -85.5872},
    {"Marquette", "MI", 46.5436, -87.3954},
    {"Dayton", "OH", 39.7589, -84.1916},
    {"Youngstown", "OH", 41.0998, -80.6495},
    {"Athens", "OH", 39.3292, -82.1013},
    {"Bloomington", "IN", 39.1653, -86.5264},
    {"South Bend", "IN", 41.6764, -86.2520},
    {"Evansville", "IN", 37.9716, -87.5711},
    {"Gary", "IN", 41.5934, -87.3464},
    {"Springfield", "IL", 39.7817, -89.6501},
    {"Champaign", "IL", 40.1164, -88.2434},
    {"Rockford", "IL", 42.2711, -89.0940},
    {"Evanston", "IL", 42.0451, -87.6877},
    {"Green Bay", "WI", 44.5133, -88.0133},
    {"Eau Claire", "WI", 44.8113, -91.4985},
    {"La Crosse", "WI", 43.8014, -91.2396},
    {"Duluth", "MN", 46.7867, -92.1005},
    {"Rochester", "MN", 44.0121, -92.4802},
    {"St. Cloud", "MN", 45.5579, -94.1632},
    {"Cedar Rapids", "IA", 41.9779, -91.6656},
    {"Iowa City", "IA", 41.6611, -91.5302},
    {"Davenport", "IA", 41.5236, -90.5776},
    {"Columbia", "MO", 38.9517, -92.3341},
    {"Jefferson City", "MO", 38.5767, -92.1735},
    {"Topeka", "KS", 39.0473, -95.6752},
    {"Lawrence", "KS", 38.9717, -95.2353},
    {"Fargo", "ND", 46.8772, -96.7898},
    {"Bismarck", "ND", 46.8083, -100.7837},
    {"Grand Forks", "ND", 47.9253, -97.0329},
    {"Rapid City", "SD", 44.0805, -103.2310},
    {"Pierre", "SD", 44.3683, -100.3510},
    {"Billings", "MT", 45.7833, -108.5007},
    {"Missoula", "MT", 46.8721, -113.9940},
    {"Helena", "MT", 46.5891, -112.0391},
    {"Bozeman", "MT", 45.6770, -111.0429},
    {"Cheyenne", "WY", 41.1400, -104.8202},
    {"Casper", "WY", 42.8666, -106.3131},
    {"Laramie", "WY", 41.3114, -105.5911},
    {"Fort Collins", "CO", 40.5853, -105.0844},
    {"Boulder", "CO", 40.0150, -105.2705},
    {"Pueblo", "CO", 38.2544, -104.6091},
    {"Grand Junction", "CO", 39.0639, -108.5506},
    {"Provo", "UT", 40.2338, -111.6585},
    {"Ogden", "UT", 41.2230, -111.9738},
    {"St. George", "UT", 37.0965, -113.5684},
    {"Flagstaff", "AZ", 35.1983, -111.6513},
    {"Yuma", "AZ", 32.6927, -114.6277},
    {"Santa Fe", "NM", 35.6870, -105.9378},
    {"Las Cruces", "NM", 32.3199, -106.7637},
    {"Carson City", "NV", 39.1638, -119.7674},
    {"Pocatello", "ID", 42.8713, -112.4455},
    {"Idaho Falls", "ID", 43.4917, -112.0339},
    {"Olympia", "WA", 47.0379, -122.9007},
    {"Bellingham", "WA", 48.7519, -122.4787},
    {"Everett", "WA", 47.9790, -122.2021},
    {"Yakima", "WA", 46.6021, -120.5059},
    {"Bend", "OR", 44.0582, -121.3153},
    {"Medford", "OR", 42.3265, -122.8756},
    {"Corvallis", "OR", 44.5646, -123.2620},
    {"Berkeley", "CA", 37.8715, -122.2730},
    {"Santa Cruz", "CA", 36.9741, -122.0308},
    {"Santa Barbara", "CA", 34.4208, -119.6982},
    {"San Luis Obispo", "CA", 35.2828, -120.6596},
    {"Eureka", "CA", 40.8021, -124.1637},
    {"Redding", "CA", 40.5865, -122.3917},
    {"Chico", "CA", 39.7285, -121.8375},
    {"Davis", "CA", 38.5449, -121.7405},
    {"Palm Springs", "CA", 33.8303, -116.5453},
    {"Salinas", "CA", 36.6777, -121.6555},
    {"Juneau", "AK", 58.3019, -134.4197},
    {"Fairbanks", "AK", 64.8378, -147.7164},
    {"Hilo", "HI", 19.7074, -155.0885},
    {"Kahului", "HI", 20.8893, -156.4729},
    {"Galveston", "TX", 29.3013, -94.7977},
    {"Waco", "TX", 31.5493, -97.1467},
    {"Beaumont", "TX", 30.0802, -94.1266},
    {"Denton", "TX", 33.2148, -97.1331},
    {"McAllen", "TX", 26.2034, -98.2300},
    {"Midland", "TX", 31.9973, -102.0779},
    {"College Station", "TX", 30.6280, -96.3344},
    {"Gainesville", "FL", 29.6516, -82.3248},
    {"Pensacola", "FL", 30.4213, -87.2169},
    {"Sarasota", "FL", 27.3364, -82.5307},
    {"West Palm Beach", "FL", 26.7153, -80.0534},
    {"Key West", "FL", 24.5551, -81.7800},
    {"Daytona Beach", "FL", 29.2108, -81.0228},
    {"Fort Myers", "FL", 26.6406, -81.8723},
    {"Biloxi", "MS", 30.3960, -88.8853},
    {"Oxford", "MS", 34.3665, -89.5192},
    {"Hattiesburg", "MS", 31.3271, -89.2903},
    {"Lafayette", "LA", 30.2241, -92.0198},
    {"Lake Charles", "LA", 30.2266, -93.2174},
    {"Fayetteville", "AR", 36.0626, -94.1574},
    {"Fort Smith", "AR", 35.3859, -94.3985},
    {"Norman", "OK", 35.2226, -97.4395},
    {"Stillwater", "OK", 36.1156, -97.0584},
    {"Frankfort", "KY", 38.2009, -84.8733},
    {"Bowling Green", "KY", 36.9685, -86.4808},
    {"Charleston", "WV", 38.3498, -81.6326},
    {"Morgantown", "WV", 39.6295, -79.9559},
    {"Huntington", "WV", 38.4192, -82.4452},
    {"Roanoke", "VA", 37.2710, -79.9414},
    {"Charlottesville", "VA", 38.0293, -78.4767},
    {"Harrisonburg", "VA", 38.4496, -78.8689},
    {"Clarksville", "TN", 36.5298, -87.3595},
    {"Murfreesboro", "TN", 35.8456, -86.3903},
    {"Tuscaloosa", "AL", 33.2098, -87.5692},
    {"Auburn", "AL", 32.6099, -85.4808},
    {"Macon", "GA", 32.8407, -83.6324},
    {"Newport", "RI", 41.4901, -71.3128},
    {"New London", "CT", 41.3557, -72.0995},
    {"Poughkeepsie", "NY", 41.7004, -73.9210},
    {"Binghamton", "NY", 42.0987, -75.9180},
    {"Utica", "NY", 43.1009, -75.2327},
    {"Plattsburgh", "NY", 44.6995, -73.4529},
    {"San Juan", "PR", 18.4655, -66.1057},
});

constexpr std::array locationDetails =
    std::to_array<std::string_view>({"City Hall",
                                     "Main St",
                                     "State Capitol",
                                     "Federal Building",
                                     "county courthouse",
                                     "police headquarters",
                                     "university campus",
                                     "Town Green",
                                     "Washington Park",
                                     "downtown",
                                     "ICE field office",
                                     "Elm St and 3rd Ave",
                                     "public library",
                                     "high school",
                                     "Union Square",
                                     "Veterans Memorial Park",
                                     "governor's mansion",
                                     "congressional district office",
                                     "Broadway",
                                     "Market St",
                                     "the riverfront",
                                     "Amazon warehouse",
                                     "Starbucks on 5th Ave",
                                     "Planned Parenthood clinic",
                                     "county jail",
                                     "school board building",
                                     "state university",
                                     "Trump Tower",
                                     "Tesla showroom",
                                     "hospital",
                                     "Lincoln Park",
                                     "the pier"});

constexpr std::array eventTypes =
    std::to_array<std::string_view>({"protest", "rally", "march", "vigil", "demonstration",
                                     "walkout", "strike", "counter-protest"});

constexpr std::array titleOpeners = std::to_array<std::string_view>(
    {"Rally", "March", "Vigil", "Protest", "Day of Action", "Walkout", "Sit-in", "Teach-in",
     "Picket", "Caravan", "Candlelight Vigil", "Town Hall", "Die-in", "Strike", "Speak-out",
     "Solidarity Gathering"});

constexpr std::array titleLinks =
    std::to_array<std::string_view>({"for", "against", "in support of", "to protest", "to demand",
                                     "in memory of victims of", "to end", "to defend", "to stop"});

constexpr std::array issueWords = std::to_array<std::string_view>({"immigration",
                                                                   "racism",
                                                                   "policing",
                                                                   "environment",
                                                                   "healthcare",
                                                                   "education",
                                                                   "labor",
                                                                   "women's rights",
                                                                   "reproductive rights",
                                                                   "lgbtqia",
                                                                   "guns",
                                                                   "criminal justice",
                                                                   "housing",
                                                                   "economy",
                                                                   "executive",
                                                                   "legislative",
                                                                   "judiciary",
                                                                   "elections",
                                                                   "democracy",
                                                                   "foreign affairs",
                                                                   "military",
                                                                   "civil rights",
                                                                   "free speech",
                                                                   "covid",
                                                                   "energy",
                                                                   "transportation",
                                                                   "banking",
                                                                   "indigenous peoples",
                                                                   "disability rights",
                                                                   "animal rights",
                                                                   "religion",
                                                                   "patriotism",
                                                                   "science",
                                                                   "taxes",
                                                                   "wages",
                                                                   "corruption",
                                                                   "homelessness",
                                                                   "drug policy",
                                                                   "veterans",
                                                                   "media"});

constexpr std::array claimSubjects =
    std::to_array<std::string_view>({"immigrant rights",
                                     "racial justice",
                                     "police accountability",
                                     "climate action",
                                     "Medicare for All",
                                     "public school funding",
                                     "a living wage",
                                     "union recognition",
                                     "abortion access",
                                     "transgender rights",
                                     "gun control",
                                     "Second Amendment rights",
                                     "rent control",
                                     "voting rights",
                                     "an end to the war",
                                     "ceasefire",
                                     "mask mandates",
                                     "vaccine mandates",
                                     "DACA recipients",
                                     "family separation",
                                     "the pipeline",
                                     "the new stadium",
                                     "the school board's decision",
                                     "the governor's executive order",
                                     "tuition increases",
                                     "the travel ban",
                                     "Black Lives Matter",
                                     "fair elections",
                                     "the Supreme Court ruling",
                                     "free speech on campus",
                                     "tenants facing eviction",
                                     "safe staffing levels"});

constexpr std::array claimStances =
    std::to_array<std::string_view>({"for", "against", "in support of", "in opposition to",
                                     "demanding", "calling for", "condemning", "honoring"});

constexpr std::array participantKinds = std::to_array<std::string_view>(
    {"students",      "teachers",          "nurses",    "workers",  "veterans",
     "clergy",        "parents",           "residents", "farmers",  "tenants",
     "union members", "immigrants",        "youth",     "retirees", "doctors",
     "scientists",    "indigenous people", "women",     "families", "activists"});

constexpr std::array orgPlaces = std::to_array<std::string_view>(
    {"Northside",  "Riverside", "Lakeshore", "Prairie",  "Cascade",    "Bayview",   "Piedmont",
     "Mesa",       "Harbor",    "Valley",    "Summit",   "Gateway",    "Heartland", "Coastal",
     "Tri-County", "Metro",     "Pinewood",  "Red Rock", "Iron Range", "Sunbelt"});

constexpr std::array orgKinds = std::to_array<std::string_view>(
    {"Tenants Union", "Workers Alliance", "Coalition for Justice", "Indivisible",
     "Climate Collective", "Mothers Network", "Students United", "Freedom Caucus", "Faith Council",
     "Peace Action Committee"});

constexpr std::array noteOpenings = std::to_array<std::string_view>(
    {"Protesters gathered outside the building, carrying signs and chanting",
     "Organizers estimated the crowd at several hundred, although police gave a lower figure",
     "The event began with speeches, followed by a march through downtown",
     "Participants held candles, read names aloud, and observed a moment of silence",
     "Students left class at noon, walked to the square, and returned an hour later",
     "A smaller group of counter-protesters stood across the street, separated by police",
     "Speakers included local officials, faith leaders, and community members",
     "The rally was one of several held across the state on the same day"});

constexpr std::array noteMiddles = std::to_array<std::string_view>(
    {"traffic was briefly blocked on the main road", "no arrests were reported by local media",
     "police said the gathering remained peaceful throughout",
     "several speakers called on the city council to act before the next vote",
     "the march ended at the steps of the courthouse, where organizers read their demands",
     "some participants wore masks, others carried flags and banners",
     "a petition with thousands of signatures was delivered to the mayor's office",
     "drivers honked in support as the group passed",
     "the crowd grew through the afternoon, reaching its peak around 3 p.m.",
     "vendors handed out water, and volunteers offered first aid"});

constexpr std::array quotes = std::to_array<std::string_view>(
    {"\"We will not be silent\"", "\"This is what democracy looks like\"",
     "\"No justice, no peace\"", "\"We are here, and we are not going away\"",
     "\"Enough is enough\"", "\"Our kids deserve better\""});

constexpr std::array newsHosts = std::to_array<std::string_view>(
    {"news.example", "dailyherald.example", "citypaper.example", "localtv.example", "wire.example",
     "gazette.example", "courier.example", "social.example"});

constexpr std::array outlets = std::to_array<std::string_view>(
    {"local media", "the Herald", "a television station", "the organizers", "a police spokesperson",
     "the student paper"});

// --- dates ------------------------------------------------------------------------------

struct Date {
    int year;
    int month;
    int day;
};

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
Date civilFromDays(int z)
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

constexpr int FirstDay = 17167; // 2017-01-01
constexpr int LastDay = 20453; // 2025-12-31

// --- rows --------------------------------------------------------------------------------

class Generator {
public:
    Generator(Writer &out, std::uint64_t seed)
        : m_out(out)
        , m_rng(seed)
    {
        for (const auto place : orgPlaces)
            for (const auto kind : orgKinds) {
                std::string name(place);
                name += ' ';
                name += kind;
                m_orgs[m_orgCount++] = std::move(name);
            }
        m_text.reserve(1024);
    }

    static constexpr std::string_view Header =
        "date,locality,state,location_detail,online,type,title,macroevent,actors,"
        "organizations,participants,claims,valence,issues,size_text,size_low,size_high,"
        "arrests,injuries_crowd,injuries_police,property_damage_crowd,property_damage_police,"
        "source_1,source_2,notes,lat,lon\n";

    void row()
    {
        Writer &o = m_out;
        const Date date = civilFromDays(m_rng.between(FirstDay, LastDay));
        const Locality &place = m_rng.pick(localities);
        const bool online = m_rng.chance(1, 50);
        const std::string_view type = m_rng.pick(eventTypes);

        // date
        o.padded(date.year, 4);
        o.ch('-');
        o.padded(date.month, 2);
        o.ch('-');
        o.padded(date.day, 2);
        o.ch(',');
        // locality, state, location_detail, online, type
        o.field(place.name);
        o.ch(',');
        o.raw(place.state);
        o.ch(',');
        if (m_rng.chance(2, 5))
            o.field(m_rng.pick(locationDetails));
        o.ch(',');
        o.ch(online ? '1' : '0');
        o.ch(',');
        o.raw(type);
        o.ch(',');
        // title
        m_text.clear();
        m_text += m_rng.pick(titleOpeners);
        m_text += ' ';
        m_text += m_rng.pick(titleLinks);
        m_text += ' ';
        m_text += m_rng.chance(1, 2) ? m_rng.pick(claimSubjects) : m_rng.pick(issueWords);
        if (m_rng.chance(1, 8)) {
            m_text += m_rng.chance(1, 2) ? ", " : " in ";
            m_text += place.name;
        }
        o.field(m_text);
        o.ch(',');
        // macroevent: a shared label for days of coordinated action
        if (m_rng.chance(1, 12)) {
            o.padded(date.year, 4);
            o.padded(date.month, 2);
            o.padded(date.day, 2);
            o.ch('-');
            o.raw(m_rng.pick(issueWords).substr(0, 4));
            o.raw("action");
        }
        o.ch(',');
        // actors, organizations
        orgList(weighted({65, 87, 97, 100}));
        o.ch(',');
        orgList(weighted({60, 85, 96, 100}));
        o.ch(',');
        // participants
        m_text.clear();
        for (int i = 0, n = weighted({55, 90, 100}); i < n; ++i) {
            if (i)
                m_text += "; ";
            m_text += m_rng.pick(participantKinds);
        }
        o.field(m_text);
        o.ch(',');
        // claims: free text with commas
        m_text.clear();
        for (int i = 0, n = 1 + weighted({80, 96, 100}); i < n; ++i) {
            if (i)
                m_text += ", ";
            m_text += m_rng.pick(claimStances);
            m_text += ' ';
            m_text += m_rng.pick(claimSubjects);
        }
        o.field(m_text);
        o.ch(',');
        // valence
        o.ch(static_cast<char>('0' + m_rng.below(3)));
        o.ch(',');
        // issues: 1–4 distinct words
        {
            std::array<std::uint32_t, 4> chosen{};
            const int n = 1 + weighted({45, 80, 95, 100});
            for (int i = 0; i < n; ++i) {
                std::uint32_t k;
                bool again;
                do {
                    k = m_rng.below(static_cast<std::uint32_t>(issueWords.size()));
                    again = false;
                    for (int j = 0; j < i; ++j)
                        again = again || chosen[static_cast<std::size_t>(j)] == k;
                } while (again);
                chosen[static_cast<std::size_t>(i)] = k;
                if (i)
                    o.raw("; ");
                o.raw(issueWords[k]);
            }
        }
        o.ch(',');
        sizes();
        // arrests, injuries_crowd, injuries_police
        smallCount(3, 10);
        o.ch(',');
        smallCount(1, 10);
        o.ch(',');
        smallCount(1, 20);
        o.ch(',');
        // property_damage_crowd, property_damage_police
        if (m_rng.chance(1, 20))
            o.ch(m_rng.chance(1, 3) ? '1' : '0');
        o.ch(',');
        if (m_rng.chance(1, 40))
            o.ch(m_rng.chance(1, 5) ? '1' : '0');
        o.ch(',');
        // source_1, source_2
        source(date);
        o.ch(',');
        if (m_rng.chance(1, 4))
            source(date);
        o.ch(',');
        // notes
        if (m_rng.chance(NotesPerThousand, 1000))
            notes(place);
        o.ch(',');
        // lat, lon: ±0.05° around the place
        o.fixed(static_cast<long long>(place.lat * 10000.0 + (place.lat < 0 ? -0.5 : 0.5)) +
                    m_rng.between(-500, 500),
                4);
        o.ch(',');
        o.fixed(static_cast<long long>(place.lon * 10000.0 + (place.lon < 0 ? -0.5 : 0.5)) +
                    m_rng.between(-500, 500),
                4);
        o.ch('\n');
    }

private:
    // Share of rows with notes: this keeps the default million rows near 260 MB.
    static constexpr std::uint32_t NotesPerThousand = 50;

    // An index drawn with the given cumulative percentages, e.g. {65, 87, 100}: 0 in 65 %
    // of draws, 1 in 22 %, 2 in 13 %.
    template<std::size_t N> int weighted(const std::uint32_t (&cumulative)[N])
    {
        const std::uint32_t r = m_rng.below(100);
        int i = 0;
        while (static_cast<std::size_t>(i) + 1 < N && r >= cumulative[i])
            ++i;
        return i;
    }

    void orgList(int count)
    {
        m_text.clear();
        for (int i = 0; i < count; ++i) {
            if (i)
                m_text += "; ";
            m_text += m_orgs[m_rng.below(static_cast<std::uint32_t>(m_orgCount))];
        }
        m_out.field(m_text);
    }

    // Empty with probability 1 - num/den, otherwise a small count skewed towards 0.
    void smallCount(std::uint32_t num, std::uint32_t den)
    {
        if (!m_rng.chance(num, den))
            return;
        const std::uint32_t r = m_rng.below(100);
        m_out.number(r < 55 ? 0 : r < 85 ? m_rng.between(1, 5) : m_rng.between(6, 60));
    }

    // size_text, size_low, size_high — consistent with each other, all empty 1 time in 4.
    void sizes()
    {
        Writer &o = m_out;
        const std::uint32_t kind = m_rng.below(100);
        int low = -1;
        int high = -1;
        if (kind < 25) {
            o.raw(",,,");
            return;
        }
        if (kind < 45) {
            static constexpr std::array words = std::to_array<std::string_view>(
                {"dozens", "hundreds", "thousands", "a few", "several dozen", "about a dozen"});
            static constexpr std::array lows = {24, 200, 2000, 3, 36, 10};
            static constexpr std::array highs = {99, 999, 9999, 5, 99, 14};
            const std::uint32_t w = m_rng.below(static_cast<std::uint32_t>(words.size()));
            o.raw(words[w]);
            low = lows[w];
            high = highs[w];
        } else if (kind < 80) {
            low = high = roundish(m_rng.between(5, 5000));
            o.number(low);
        } else if (kind < 95) {
            low = roundish(m_rng.between(10, 3000));
            high = low + roundish(m_rng.between(10, 2000));
            o.number(low);
            o.ch('-');
            o.number(high);
        } else {
            low = roundish(m_rng.between(20, 20000));
            o.raw("more than ");
            o.number(low);
        }
        o.ch(',');
        o.number(low);
        o.ch(',');
        if (high >= 0)
            o.number(high);
        o.ch(',');
    }

    static int roundish(int n) { return n < 100 ? n : n < 1000 ? n / 10 * 10 : n / 100 * 100; }

    void source(const Date &date)
    {
        Writer &o = m_out;
        o.raw("https://");
        o.raw(m_rng.pick(newsHosts));
        o.ch('/');
        o.padded(date.year, 4);
        o.ch('/');
        o.padded(date.month, 2);
        o.ch('/');
        o.padded(date.day, 2);
        o.raw("/story-");
        o.padded(m_rng.between(0, 999999), 6);
    }

    // 100–400 characters of prose with commas, sometimes a quotation with inner quotes
    // (doubled on output), occasionally a line break. Always quoted.
    void notes(const Locality &place)
    {
        const std::size_t target = static_cast<std::size_t>(m_rng.between(100, 400));
        m_text.clear();
        m_text += m_rng.pick(noteOpenings);
        m_text += " in ";
        m_text += place.name;
        m_text += ". ";
        while (m_text.size() < target) {
            const std::uint32_t r = m_rng.below(100);
            if (r < 12) {
                m_text += "One organizer said, ";
                m_text += m_rng.pick(quotes);
                m_text += ". ";
            } else if (r < 13) {
                m_text += "\nUpdate: ";
            } else {
                std::string_view middle = m_rng.pick(noteMiddles);
                m_text += static_cast<char>(middle[0] - ('a' - 'A'));
                m_text += middle.substr(1);
                m_text += m_rng.chance(1, 3) ? ", according to " : ". ";
                if (m_text.back() == ' ' && m_text[m_text.size() - 2] != '.') {
                    m_text += m_rng.pick(outlets);
                    m_text += ". ";
                }
            }
        }
        if (m_text.size() > target)
            m_text.resize(target);
        while (!m_text.empty() && (m_text.back() == ' ' || m_text.back() == '\n'))
            m_text.pop_back();
        m_out.quoted(m_text);
    }

    Writer &m_out;
    Rng m_rng;
    std::array<std::string, orgPlaces.size() * orgKinds.size()> m_orgs;
    std::size_t m_orgCount = 0;
    std::string m_text;
};

bool parseCount(const char *text, unsigned long long &value)
{
    const char *end = text + std::strlen(text);
    const auto [ptr, ec] = std::from_chars(text, end, value);
    return ec == std::errc() && ptr == end && ptr != text;
}

int usage()
{
    std::fputs("usage: gen_ccc OUT.csv [--rows N] [--seed S]\n", stderr);
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    const char *path = nullptr;
    unsigned long long rows = 1000000;
    unsigned long long seed = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if ((arg == "--rows" || arg == "--seed") && i + 1 < argc) {
            if (!parseCount(argv[++i], arg == "--rows" ? rows : seed)) {
                std::fprintf(stderr, "gen_ccc: %s wants a whole number\n", argv[i - 1]);
                return 2;
            }
        } else if (!arg.empty() && arg[0] != '-' && !path) {
            path = argv[i];
        } else {
            return usage();
        }
    }
    if (!path)
        return usage();

    std::FILE *file = std::fopen(path, "wb");
    if (!file) {
        std::perror(path);
        return 1;
    }
    bool ok;
    {
        Writer out(file);
        Generator generator(out, seed);
        out.raw(Generator::Header);
        for (unsigned long long i = 0; i < rows; ++i)
            generator.row();
        ok = out.flush();
    }
    ok = std::fclose(file) == 0 && ok;
    if (!ok) {
        std::fprintf(stderr, "gen_ccc: cannot write %s\n", path);
        return 1;
    }
    return 0;
}
