// The notify module's public surface: the outbox dispatcher, its routes and the email channel.
export { backoffDelay, createDispatcher, messageIdFor, type Dispatcher, type DispatcherOptions } from './dispatcher.js';
export { emailChannel, smtpFromUrl, type SmtpSettings } from './email.js';
export { deliveriesFor, deliveryRoutes } from './notify-routing.js';
export { notifyRoutes } from './notify.routes.js';
