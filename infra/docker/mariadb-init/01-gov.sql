-- Same users and databases as infra/local/mariadb.sh (keep in sync with DATABASES in infra/local/lib.sh).
-- Runs once, when the mariadb volume is empty. The app user may also create throwaway test databases (gov_test_*).
CREATE USER IF NOT EXISTS 'gov'@'%' IDENTIFIED BY 'gov-dev-pw';
CREATE DATABASE IF NOT EXISTS `gov_catalog` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `gov_sharing` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `gov_open_data` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `gov_quality` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `gov_security` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `gov_assessment` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `gov_projects` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
GRANT ALL PRIVILEGES ON `gov\_%`.* TO 'gov'@'%';
FLUSH PRIVILEGES;
