-- Same user as infra/local/mariadb.sh. `npm run migrate` creates one database per subgraph of kit's SERVICE_PORTS.
-- Runs once, when the mariadb volume is empty. The app user may also create throwaway test databases (gov_test_*).
CREATE USER IF NOT EXISTS 'gov'@'%' IDENTIFIED BY 'gov-dev-pw';
GRANT ALL PRIVILEGES ON `gov\_%`.* TO 'gov'@'%';
FLUSH PRIVILEGES;
