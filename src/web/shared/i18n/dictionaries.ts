// Every screen's words, gathered into one resource per language.
import * as alerts from '../../modules/alerts/i18n';
import * as analytics from '../../modules/analytics/i18n';
import * as audit from '../../modules/audit/i18n';
import * as auth from '../../modules/auth/i18n';
import * as catalog from '../../modules/catalog/i18n';
import * as feedback from '../../modules/feedback/i18n';
import * as finance from '../../modules/finance/i18n';
import * as forecast from '../../modules/forecast/i18n';
import * as home from '../../modules/home/i18n';
import * as imports from '../../modules/imports/i18n';
import * as inventory from '../../modules/inventory/i18n';
import * as stockMoves from '../../modules/inventory/i18n-moves';
import * as notify from '../../modules/notify/i18n';
import * as partners from '../../modules/partners/i18n';
import * as purchasing from '../../modules/purchasing/i18n';
import * as returns from '../../modules/returns/i18n';
import * as sales from '../../modules/sales/i18n';
import * as shipping from '../../modules/shipping/i18n';
import * as warehouses from '../../modules/warehouses/i18n';
import * as webhooks from '../../modules/webhooks/i18n';
import * as common from './common';

const parts = [common, home, auth, alerts, audit, catalog, partners, sales, returns, feedback, shipping, purchasing, warehouses, inventory, stockMoves, imports, notify, analytics, forecast, finance, webhooks];

export const dictionaries = {
  zh: Object.assign({}, ...parts.map((p) => p.zh)) as Record<string, unknown>,
  en: Object.assign({}, ...parts.map((p) => p.en)) as Record<string, unknown>,
};
