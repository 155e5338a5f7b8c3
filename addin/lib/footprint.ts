// Owns the pane's footprint sentence: the shared figures (src/checks/footprint) plus an everyday comparison.
import { formatFootprint } from "../../src/checks/footprint";
import { t, type Locale } from "../../src/i18n/core";

/** Power of the LED bulb used as the everyday comparison, in watts. */
const LED_BULB_W = 10;

function number(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : "fr-FR", { maximumSignificantDigits: 2 }).format(value);
}

/** "Estimated footprint: ≈ 0.42 Wh, 21 mg CO2e, like an LED bulb lit for 3 min", in the pane's language. */
export function footprintSentence(footprint: { energyWh: number; gco2eq: number }, locale: Locale): string {
  const minutes = (footprint.energyWh / LED_BULB_W) * 60;
  const bulb =
    minutes < 1
      ? t("ui.footprint.bulb_seconds", { seconds: number(Math.max(1, Math.round(minutes * 60)), locale) }, locale)
      : t("ui.footprint.bulb_minutes", { minutes: number(Math.round(minutes), locale) }, locale);
  return t("ui.footprint.plain", { value: formatFootprint(footprint, locale), bulb }, locale);
}
