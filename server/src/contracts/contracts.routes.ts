import { contractCreateSchema, contractSchema, contractUpdateSchema, idParamsSchema, itemsOf, monthQuerySchema, myCommuteSchema, myContractSchema, regionCommuteSchema, statementSchema, usageQuerySchema, usageSchema, workplaceSchema } from '@landraeume/shared';
import { defineRoute, type AnyRoute } from '../http/route';
import type { CommuteService } from './commute.service';
import type { ContractService } from './contracts.service';
import type { MyContractsService } from './my-contracts.service';
import { statementHtml } from './statement-html';
import type { StatementService } from './statement.service';
import { usageCsv } from './usage-csv';
import type { UsageService } from './usage.service';

export interface ContractDeps {
  contracts: ContractService;
  usage: UsageService;
  statements: StatementService;
  myContracts: MyContractsService;
  commute: CommuteService;
}

/** Employer pilot contracts: set-up by the platform team, usage and statements for employers, quotas and commute for staff. */
export function contractRoutes(deps: ContractDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/contracts',
      summary: 'Set up an employer contract: covered spaces or providers, validity, quotas, price — platform admins',
      access: 'verified',
      response: contractSchema,
      body: contractCreateSchema,
      status: 201,
      handler: ({ actor, body }) => deps.contracts.create(actor!, body),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/contracts/:id',
      summary: 'Change a contract (audited) — platform admins',
      access: 'verified',
      response: contractSchema,
      params: idParamsSchema,
      body: contractUpdateSchema,
      handler: ({ actor, params, body }) => deps.contracts.update(actor!, params.id, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/contracts/:id',
      summary: 'One contract — admins of the employer, platform admins',
      access: 'signed_in',
      response: contractSchema,
      params: idParamsSchema,
      handler: ({ actor, params }) => deps.contracts.get(actor!, params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/contracts/:id/statement',
      summary: 'Monthly statement of a contract (JSON, or a printable page with Accept: text/html) — admins of the employer, platform admins',
      access: 'signed_in',
      response: statementSchema,
      params: idParamsSchema,
      query: monthQuerySchema,
      handler: async ({ actor, params, query }, { req, res }) => {
        const statement = await deps.statements.statement(actor!, params.id, query.month);
        if (req.accepts(['application/json', 'text/html']) !== 'text/html') return statement;
        // The page styles itself inline and loads nothing else.
        res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
        res.type('html').send(statementHtml(statement, actor!.locale));
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/organizations/:id/contracts',
      summary: 'The contracts of an employer — its admins, platform admins',
      access: 'signed_in',
      response: itemsOf(contractSchema),
      params: idParamsSchema,
      handler: async ({ actor, params }) => ({ items: await deps.contracts.listOf(actor!, params.id) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/organizations/:id/usage',
      summary: 'Contract usage of a month per employee and space, amount due, commute saved (CSV with Accept: text/csv; format=de for German spreadsheets)',
      access: 'signed_in',
      response: usageSchema,
      params: idParamsSchema,
      query: usageQuerySchema,
      handler: async ({ actor, params, query }, { req, res }) => {
        const usage = await deps.usage.usage(actor!, params.id, query.month);
        if (req.accepts(['application/json', 'text/csv']) !== 'text/csv') return usage;
        res.setHeader('Content-Disposition', `attachment; filename="nutzung-${query.month}.csv"`);
        res.type('text/csv; charset=utf-8').send(usageCsv(usage, query.format));
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/organizations/:id/workplace',
      summary: 'Where the employer’s staff would otherwise commute to (for commute figures) — admins of the organization, platform admins',
      access: 'verified',
      response: workplaceSchema,
      params: idParamsSchema,
      body: workplaceSchema,
      handler: ({ actor, params, body }) => deps.contracts.setWorkplace(actor!, params.id, body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/me/contracts',
      summary: 'Contracts I may book on, with my quota left this month and next',
      access: 'signed_in',
      response: itemsOf(myContractSchema),
      handler: async ({ actor }) => ({ items: await deps.myContracts.list(actor!) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/me/commute',
      summary: 'The commuting my desk-days on contracts saved, by month',
      access: 'signed_in',
      response: myCommuteSchema,
      handler: ({ actor }) => deps.commute.mine(actor!),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/commute',
      summary: 'Commuting saved in the region in a month, in total and per town — platform admins',
      access: 'signed_in',
      response: regionCommuteSchema,
      query: monthQuerySchema,
      handler: ({ actor, query }) => deps.commute.region(actor!, query.month),
    }),
  ];
}
