variable "drain_seconds" {
  type    = number
  default = 5
}

resource "aws_lb_target_group" "api" {
  name                 = "api"
  port                 = 8080
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = "vpc-0123"
  deregistration_delay = var.drain_seconds
}

resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  container_definitions = jsonencode([
    {
      name        = "api"
      image       = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/api:1.0"
      stopTimeout = 30
      portMappings = [{ containerPort = 8080 }]
    }
  ])
}

resource "aws_ecs_service" "api" {
  name            = "api"
  cluster         = "shop"
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = 2
  launch_type     = "FARGATE"

  load_balancer {
    target_group_arn = aws_lb_target_group.api.arn
    container_name   = "api"
    container_port   = 8080
  }
}
