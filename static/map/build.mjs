// Draws the map of the United States once, at build time: us-atlas's state outlines (from the Census Bureau's
// cartographic boundaries), simplified with topojson-simplify and projected with d3-geo's Albers USA
// (scale 1300, translate [487.5, 305]: the us-atlas convention). appointments/maps.py places the centers on
// it with the same projection, server-side. Nothing is fetched at run time, from any host.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { geoAlbersUsa, geoPath } from "d3-geo";
import { feature, mesh } from "topojson-client";
import { presimplify, quantile, simplify } from "topojson-simplify";

const [, , output = "assets/img/us-states.svg"] = process.argv;
export const WIDTH = 975;
export const HEIGHT = 610;
const projection = geoAlbersUsa().scale(1300).translate([WIDTH / 2, HEIGHT / 2]);

const atlas = JSON.parse(readFileSync(new URL("../../node_modules/us-atlas/states-10m.json", import.meta.url)));
const simple = simplify(presimplify(atlas), quantile(presimplify(atlas), 0.12));
const path = geoPath(projection).digits(1);
const land = path(feature(simple, simple.objects.nation));
const borders = path(mesh(simple, simple.objects.states, (a, b) => a !== b));

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">
<path d="${land}" fill="#eef3f6" stroke="#6b7f8c" stroke-width="0.6" stroke-linejoin="round"/>
<path d="${borders}" fill="none" stroke="#8fa3b0" stroke-width="0.4" stroke-linejoin="round"/>
</svg>
`;
mkdirSync(new URL(".", new URL(output, `file://${process.cwd()}/`)), { recursive: true });
writeFileSync(output, svg);
console.log(`${output}: ${svg.length} bytes`);
