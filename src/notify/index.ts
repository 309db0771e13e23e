export {
  formatNotification,
  LIMITS,
  DISCORD_COLORS,
  type Notification,
  type NotifyEvent,
  type NotifyKind,
  type NotifyTarget,
} from './format.js'
export {
  maskSecrets,
  NOTIFY_INPUTS,
  parseTargets,
  sendNotifications,
  type SendOptions,
  type SendResult,
} from './send.js'
