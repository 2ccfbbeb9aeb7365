import {
  newsletterConfirmedSchema,
  surveyAdminViewSchema,
  surveyQuerySchema,
  surveyQuestionCreateSchema,
  surveyQuestionParamsSchema,
  surveyQuestionSchema,
  surveyQuestionUpdateSchema,
  surveyReceivedSchema,
  surveyResponseCreateSchema,
  surveySchema,
  surveyStateUpdateSchema,
  tokenBodySchema,
} from '@landraeume/shared';
import type { RateLimiters } from '../http/rate-limit';
import { defineRoute, type AnyRoute } from '../http/route';
import type { SurveyAdminService } from './survey-admin.service';
import type { NewsletterService } from './newsletter';
import type { SurveyService } from './survey.service';

export function surveyRoutes(survey: SurveyService, admin: SurveyAdminService, newsletter: NewsletterService, limits: Pick<RateLimiters, 'surveyPerIp'>): AnyRoute[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/survey',
      summary: 'The commuter survey: open or not, its live questions, and whether this browser (?browserKey) has answered',
      access: 'public',
      response: surveySchema,
      query: surveyQuerySchema,
      handler: ({ query }) => survey.current(query.browserKey),
    }),
    defineRoute({
      method: 'post',
      path: '/api/survey/responses',
      summary: 'Answer the survey anonymously, once per browser (409 survey_already_answered); optional newsletter e-mail kept apart',
      access: 'public',
      response: surveyReceivedSchema,
      body: surveyResponseCreateSchema,
      status: 201,
      handler: async ({ body }, { req }) => {
        // Counted per address (as a keyed hash, in the rate-limit table only, never with the answer).
        await limits.surveyPerIp.consume(req.ip ?? 'unknown');
        return survey.submit(body);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/newsletter/confirm',
      summary: 'Confirm a newsletter address with the token its confirmation mail carried (400 invalid_token when unknown or expired); again is no error',
      access: 'public',
      response: newsletterConfirmedSchema,
      body: tokenBodySchema,
      handler: ({ body }) => newsletter.confirm(body.token),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/survey',
      summary: 'The survey with every question, retired ones too, and the number of answers (platform admins)',
      access: 'verified',
      response: surveyAdminViewSchema,
      handler: ({ actor }) => admin.view(actor),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/admin/survey',
      summary: 'Open or close the survey (platform admins)',
      access: 'verified',
      response: surveyAdminViewSchema,
      body: surveyStateUpdateSchema,
      handler: ({ actor, body }) => admin.setOpen(actor, body.open),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/survey/questions',
      summary: 'Add a question; its key and type never change afterwards (platform admins)',
      access: 'verified',
      response: surveyQuestionSchema,
      body: surveyQuestionCreateSchema,
      status: 201,
      handler: ({ actor, body }) => admin.addQuestion(actor, body),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/admin/survey/questions/:key',
      summary: 'Edit labels, options (left-out options are retired, not deleted), range, order; retire a question (platform admins)',
      access: 'verified',
      response: surveyQuestionSchema,
      params: surveyQuestionParamsSchema,
      body: surveyQuestionUpdateSchema,
      handler: ({ actor, params, body }) => admin.updateQuestion(actor, params.key, body),
    }),
  ];
}
