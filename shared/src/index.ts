export * from './accounts';
export * from './errors';
export * from './municipalities';
export * from './organizations';
export * from './spaces';
export * from './bookings';
export * from './series';
export * from './space-management';
