// The greetings demo app; built out in the apps/greetings issue.
export const placeholder = true;
