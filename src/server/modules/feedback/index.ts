export { feedbackRoutes } from './feedback.routes.js';
export { ensureFeedbackRequest, feedbackPath } from './feedback.service.js';
export { categoryNames as complaintCategoryNames } from './complaint.js';
